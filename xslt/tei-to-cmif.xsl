<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-cmif.xsl: one CMIF 1.1 file (Correspondence Metadata Interchange Format, read by
  correspSearch) for the whole corpus.

  Two inputs:
  - a teipipe manifest (urn:teipipe:manifest) whose attributes are the edition's settings
    and whose rows point at the TEI files: the whole CMIF file. teipipe itself gives it a
    manifest without rows, for the file's header, and streams the documents' entries in,
    so that no run holds every document at once;
  - one TEI document: its correspDesc entry alone (nothing for a document without
    correspDesc), with empty @ref and @source, which the caller fills in.
  Names are resolved to authority URIs through the idno of the register entries copied
  into each file's standOff; names without one keep no @ref (teipipe reports them).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:m="urn:teipipe:manifest"
    xmlns:tp="urn:teipipe:functions"
    xmlns="http://www.tei-c.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <!-- Which authorities are preferred, per kind of name (correspSearch prefers GND and
       VIAF for people, GeoNames for places; Wikidata is the fallback). -->
  <xsl:variable name="preferred" as="map(xs:string, xs:string*)"
      select="map { 'persName': ('gnd', 'viaf', 'wikidata'), 'orgName': ('gnd', 'viaf', 'wikidata'),
                    'placeName': ('geonames', 'wikidata') }"/>
  <xsl:variable name="prefixes" as="map(xs:string, xs:string)"
      select="map { 'gnd': 'https://d-nb.info/gnd/', 'viaf': 'http://viaf.org/viaf/',
                    'wikidata': 'http://www.wikidata.org/entity/', 'geonames': 'http://www.geonames.org/' }"/>

  <xsl:template match="/m:corpus">
    <xsl:variable name="base" select="string(@base-url)"/>
    <xsl:variable name="bibl-id" select="string(@id)"/>
    <TEI>
      <teiHeader>
        <fileDesc>
          <titleStmt>
            <title><xsl:value-of select="@title"/></title>
            <editor><xsl:value-of select="@editor"/></editor>
          </titleStmt>
          <publicationStmt>
            <publisher><ref target="{$base}"><xsl:value-of select="@publisher"/></ref></publisher>
            <idno type="url"><xsl:value-of select="$base || 'cmif.xml'"/></idno>
            <date when="{@date}"/>
            <availability>
              <licence target="{@licence-url}"><xsl:value-of select="@licence"/></licence>
            </availability>
          </publicationStmt>
          <sourceDesc>
            <bibl type="online" xml:id="{$bibl-id}">
              <xsl:value-of select="@title"/>
              <xsl:text>, </xsl:text>
              <ref target="{$base}"><xsl:value-of select="$base"/></ref>
            </bibl>
          </sourceDesc>
        </fileDesc>
        <profileDesc>
          <xsl:for-each select="m:document">
            <xsl:apply-templates select="doc(@href)/TEI/teiHeader/profileDesc/correspDesc">
              <xsl:with-param name="page" select="$base || 'letters/' || @name || '.html'"/>
              <xsl:with-param name="source" select="'#' || $bibl-id"/>
            </xsl:apply-templates>
          </xsl:for-each>
        </profileDesc>
      </teiHeader>
      <text>
        <body>
          <p/>
        </body>
      </text>
    </TEI>
  </xsl:template>

  <xsl:template match="/TEI">
    <xsl:apply-templates select="teiHeader/profileDesc/correspDesc">
      <xsl:with-param name="page" select="''"/>
      <xsl:with-param name="source" select="''"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="correspDesc">
    <xsl:param name="page" as="xs:string"/>
    <xsl:param name="source" as="xs:string"/>
    <correspDesc ref="{$page}" source="{$source}">
      <xsl:apply-templates select="correspAction[@type = ('sent', 'received')]"/>
    </correspDesc>
  </xsl:template>

  <xsl:template match="correspAction">
    <correspAction type="{@type}">
      <xsl:apply-templates select="persName | orgName | placeName | date"/>
    </correspAction>
  </xsl:template>

  <xsl:template match="persName | orgName | placeName">
    <xsl:element name="{local-name()}">
      <xsl:variable name="uri" select="tp:authority(.)"/>
      <xsl:if test="exists($uri)"><xsl:attribute name="ref" select="$uri"/></xsl:if>
      <xsl:call-template name="certainty"/>
      <xsl:value-of select="normalize-space(.)"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="date">
    <xsl:if test="@when | @notBefore | @notAfter | @from | @to">
      <date>
        <xsl:copy-of select="@when | @notBefore | @notAfter | @from | @to"/>
        <xsl:call-template name="certainty"/>
      </date>
    </xsl:if>
  </xsl:template>

  <!-- CMIF 1.1 knows one degree of doubt (cert="low") and one kind of evidence
       ("conjecture"): any doubt below high becomes low, other evidence is left out. -->
  <xsl:template name="certainty">
    <xsl:if test="@cert = ('low', 'medium', 'unknown')"><xsl:attribute name="cert" select="'low'"/></xsl:if>
    <xsl:if test="@evidence = 'conjecture'"><xsl:attribute name="evidence" select="'conjecture'"/></xsl:if>
  </xsl:template>

  <!-- The authority URI of a name: its register entry's preferred idno, if any. -->
  <xsl:function name="tp:authority" as="xs:string?">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="entry" select="if (starts-with($name/@ref, '#'))
        then root($name)//standOff//*[@xml:id = substring($name/@ref, 2)] else ()"/>
    <xsl:variable name="uris" as="xs:string*">
      <xsl:for-each select="$preferred(local-name($name))">
        <xsl:variable name="authority" select="."/>
        <xsl:sequence select="$entry/idno[@type = $authority][1] ! ($prefixes($authority) || normalize-space(.))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="if (exists($uris)) then $uris[1]
        else if (matches($name/@ref, '^https?://')) then string($name/@ref) else ()"/>
  </xsl:function>

</xsl:stylesheet>
