<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-parallel.xsl: a translation and its original side by side, run on the translation.

  The original is read through the translation's relation name="translationOf" (resolved
  against the translation's own URI). Both texts are rendered by tei-to-html.xsl; ids are
  prefixed with each text's language so that the two never clash, and every aligned
  paragraph (@corresp, written by teipipe's alignment pass) links to its counterpart.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tp="urn:teipipe:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="tei-to-html.xsl"/>

  <xsl:template match="/">
    <xsl:variable name="relation" select="(//listRelation/relation[@name = 'translationOf'])[1]"/>
    <xsl:variable name="original" select="doc(resolve-uri(tp:stem($relation/@passive) || '.xml', base-uri(/)))/TEI"/>
    <xsl:variable name="page" as="element()">
    <html lang="{$tp:lang}">
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="tp:title(TEI) || ' — ' || tp:label('side-by-side')"/></title>
        <style><xsl:value-of select="$tp:css"/></style>
      </head>
      <body>
        <xsl:call-template name="tp:site-nav"/>
        <main id="main" class="wide">
          <h1><xsl:value-of select="tp:title($original)"/></h1>
          <p>
            <a href="{tp:identifier($original)}.html"><xsl:value-of select="tp:label('original')"/></a>
            <xsl:text> · </xsl:text>
            <a href="{tp:identifier(TEI)}.html"><xsl:value-of select="tp:label('translation')"/></a>
          </p>
          <div class="parallel">
            <xsl:for-each select="$original, TEI">
              <article class="column" lang="{tp:language(.)}" id="{tp:language(.)}">
                <h2><xsl:value-of select="tp:title(.)"/></h2>
                <xsl:apply-templates select="." mode="reading"/>
              </article>
            </xsl:for-each>
          </div>
        </main>
      </body>
    </html>
    </xsl:variable>
    <xsl:apply-templates select="$page" mode="tp:html5"/>
  </xsl:template>

  <!-- Ids of the two texts live in one page: prefix them with the text's language. -->
  <xsl:function name="tp:prefix" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="tp:language(root($node)/TEI) || '-'"/>
  </xsl:function>

  <xsl:function name="tp:note-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="tp:prefix($note) || string(($note/@xml:id, 'note' || count($note/preceding::note) + 1)[1])"/>
  </xsl:function>

  <xsl:function name="tp:marker-id" as="xs:string">
    <xsl:param name="marker" as="element()"/>
    <xsl:variable name="n" select="count($marker/preceding::ref[@type = 'noteref'][@target = $marker/@target]) + 1"/>
    <xsl:sequence select="if ($marker/self::note) then 'ref-' || tp:note-id($marker)
        else 'ref-' || tp:prefix($marker) || substring($marker/@target, 2) || (if ($n gt 1) then '-' || $n else '')"/>
  </xsl:function>

  <xsl:template name="tp:attributes">
    <xsl:if test="@xml:id and not(self::note)">
      <xsl:attribute name="id" select="tp:prefix(.) || @xml:id"/>
    </xsl:if>
    <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
    <xsl:if test="@corresp"><xsl:attribute name="data-corresp" select="@corresp"/></xsl:if>
  </xsl:template>

  <!-- An aligned paragraph ends with a link to the first paragraph it corresponds to. -->
  <xsl:template match="p[@corresp]" priority="2">
    <xsl:variable name="target" select="tokenize(@corresp)[1]"/>
    <xsl:variable name="other" select="doc(resolve-uri(tokenize($target, '#')[1], base-uri(.)))"/>
    <p>
      <xsl:call-template name="tp:attributes"/>
      <xsl:apply-templates/>
      <xsl:text> </xsl:text>
      <a class="counterpart" href="#{tp:language($other/TEI)}-{tokenize($target, '#')[2]}"
         aria-label="{tp:label('counterpart')}">⇄</a>
    </p>
  </xsl:template>

</xsl:stylesheet>
