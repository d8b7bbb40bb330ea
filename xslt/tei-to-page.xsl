<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-page.xsl: the reading page of one TEI document on its own (`teipipe transform
  -\-to html`), for TEI from any edition. It is the site's page (tei-to-html.xsl) without
  what only a site has: the navigation to the index, the register and the schema
  reference, and the links from names to register pages.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tp="urn:teipipe:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="tei-to-html.xsl"/>

  <xsl:template name="tp:site-nav"/>

  <xsl:template match="persName | placeName | orgName | rs">
    <span class="name {local-name()}">
      <xsl:call-template name="tp:attributes"/>
      <xsl:call-template name="tp:name-text"/>
    </span>
  </xsl:template>

</xsl:stylesheet>
