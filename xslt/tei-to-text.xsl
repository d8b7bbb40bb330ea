<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-text.xsl: the plain reading text of one TEI document (or of each in a teiCorpus):
  front, body, then the notes with their labels. Repairs give their repaired reading; a blank line separates
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

  <!-- Blocks by name; besides them, any element holding text of its own is a block (an ab,
       a line of verse, a table cell, a closer written out), unless it lies inside another
       block. So every word of front and body is in the text, whatever elements an edition
       uses. -->
  <xsl:variable name="blocks" as="xs:string*"
      select="('p', 'ab', 'head', 'item', 'label', 'l', 'cell', 'addrLine', 'dateline', 'salute',
               'signed', 'byline', 'docImprint', 'docEdition', 'docDate', 'titlePart',
               'trailer')"/>

  <xsl:function name="tp:is-block" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="local-name($element) = $blocks
                          or exists($element/text()[normalize-space()])"/>
  </xsl:function>

  <!-- The root is a TEI document or a teiCorpus of them; a text may be a group of texts. -->
  <xsl:template match="/">
    <xsl:variable name="parts" as="xs:string*">
      <xsl:sequence select="tp:title(/*)"/>
      <xsl:for-each select="//text//(front | body)//*[not(ancestor-or-self::note)]
                            [tp:is-block(.)]
                            [not(ancestor::*[tp:is-block(.)][ancestor::body or ancestor::front])]">
        <xsl:sequence select="tp:block(.)"/>
      </xsl:for-each>
      <!-- A note inside a note (an apparatus note in an author's note) has its marker in
           the outer note and its own place in the list. -->
      <xsl:variable name="notes" select="//text//note"/>
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
  <!-- A choice gives its repaired, regularised or expanded reading, else its first; an
       apparatus its lemma, else its first reading. -->
  <xsl:template match="choice" mode="text">
    <xsl:apply-templates select="(reg, corr, expan, *)[1]/node()" mode="text"/>
  </xsl:template>
  <xsl:template match="app" mode="text">
    <xsl:apply-templates select="(lem, rdg)[1]/node()" mode="text"/>
  </xsl:template>
  <xsl:template match="note" mode="text">
    <xsl:sequence select="'[' || tp:note-label(.) || ']'"/>
  </xsl:template>
  <!-- A line or page break parts words unless it says it falls inside one. -->
  <xsl:template match="pb | lb | cb" mode="text">
    <xsl:if test="not(@break = 'no')"><xsl:sequence select="' '"/></xsl:if>
  </xsl:template>

</xsl:stylesheet>
