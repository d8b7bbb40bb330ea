<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-text.xsl: the plain reading text of one TEI document: front, body, then the
  notes with their labels. Repairs give their repaired reading; a blank line separates
  blocks. Tests use it to check that every word of the source survives the encoding.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tp="urn:teipipe:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:include href="tei-common.xsl"/>

  <xsl:variable name="blocks" as="xs:string*"
      select="('p', 'head', 'item', 'dateline', 'salute', 'signed', 'byline', 'docImprint',
               'docEdition', 'docDate', 'titlePart')"/>

  <xsl:template match="/">
    <xsl:variable name="parts" as="xs:string*">
      <xsl:sequence select="tp:title(TEI)"/>
      <xsl:for-each select="TEI/text/(front, body)//*[local-name() = $blocks]
                            [not(ancestor::note)][not(ancestor::*[local-name() = $blocks])]">
        <xsl:sequence select="tp:block(.)"/>
      </xsl:for-each>
      <xsl:variable name="notes" select="TEI/text//note"/>
      <xsl:if test="$notes">
        <xsl:sequence select="'Notes'"/>
        <xsl:for-each select="$notes">
          <xsl:sequence select="'[' || tp:note-label(.) || '] '
              || string-join((p, .[not(p)]) ! tp:block(.), '&#10;&#10;')"/>
        </xsl:for-each>
      </xsl:if>
    </xsl:variable>
    <xsl:value-of select="string-join($parts[normalize-space()], '&#10;&#10;') || '&#10;'"/>
  </xsl:template>

  <!-- One block as a single line of text, item labels kept. -->
  <xsl:function name="tp:block" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:variable name="pieces" as="xs:string*">
      <xsl:apply-templates select="$block/node()" mode="text"/>
    </xsl:variable>
    <xsl:variable name="label" select="if ($block/self::item and $block/@n) then $block/@n || '. ' else ''"/>
    <xsl:sequence select="$label || normalize-space(string-join($pieces))"/>
  </xsl:function>

  <xsl:template match="text()" mode="text"><xsl:sequence select="string(.)"/></xsl:template>
  <xsl:template match="*" mode="text"><xsl:apply-templates mode="text"/></xsl:template>
  <xsl:template match="choice" mode="text">
    <xsl:apply-templates select="(reg, corr)[1]/node()" mode="text"/>
  </xsl:template>
  <xsl:template match="note" mode="text">
    <xsl:sequence select="'[' || tp:note-label(.) || ']'"/>
  </xsl:template>
  <xsl:template match="pb | lb" mode="text"/>

</xsl:stylesheet>
