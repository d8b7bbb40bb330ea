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
      select="map { 'persName': ('gnd', 'viaf', 'lc', 'bnf', 'ndl', 'wikidata'),
                    'orgName': ('gnd', 'viaf', 'lc', 'bnf', 'ndl', 'wikidata'),
                    'placeName': ('geonames', 'gnd', 'wikidata') }"/>
  <xsl:variable name="prefixes" as="map(xs:string, xs:string)"
      select="map { 'gnd': 'https://d-nb.info/gnd/', 'viaf': 'http://viaf.org/viaf/',
                    'wikidata': 'http://www.wikidata.org/entity/', 'geonames': 'http://www.geonames.org/',
                    'lc': 'http://id.loc.gov/authorities/names/', 'bnf': 'https://data.bnf.fr/',
                    'ndl': 'http://id.ndl.go.jp/auth/ndlna/' }"/>

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

  <!-- One document's entries: one per correspDesc (a file may hold several letters; a
       teiCorpus gives those of each of its TEI documents). A
       translation (relation name="translationOf") has none: its letter is its original's,
       and correspSearch must list it once. -->
  <xsl:template match="/teiCorpus">
    <xsl:apply-templates select=".//TEI"/>
  </xsl:template>

  <xsl:template match="/TEI | /teiCorpus//TEI">
    <xsl:if test="not(teiHeader/profileDesc/listRelation/relation[@name = 'translationOf'])">
      <xsl:apply-templates select="teiHeader/profileDesc/correspDesc">
        <xsl:with-param name="page" select="''"/>
        <xsl:with-param name="source" select="''"/>
      </xsl:apply-templates>
    </xsl:if>
  </xsl:template>

  <!-- The kinds of action CMIF knows, and the source's names for them. -->
  <xsl:variable name="sent-like" as="xs:string*"
      select="('sent', 'sentby', 'written', 'dispatched', 'sender', 'writing', 'authored')"/>
  <xsl:variable name="received-like" as="xs:string*"
      select="('received', 'deliveredto', 'receivedby', 'addressed', 'addressee', 'recipient',
               'delivered', 'receiving')"/>
  <xsl:variable name="sender-roles" as="xs:string*" select="('sender', 'author', 'writer')"/>
  <xsl:variable name="addressee-roles" as="xs:string*" select="('addressee', 'recipient', 'receiver')"/>

  <xsl:function name="tp:kind" as="xs:string">
    <xsl:param name="action" as="element()"/>
    <xsl:variable name="type" select="lower-case(replace($action/@type, '[^A-Za-z]', ''))"/>
    <xsl:sequence select="if ($type = $sent-like) then 'sent'
        else if ($type = $received-like) then 'received' else ''"/>
  </xsl:function>

  <xsl:template match="correspDesc">
    <xsl:param name="page" as="xs:string"/>
    <xsl:param name="source" as="xs:string"/>
    <xsl:variable name="actions" select="correspAction"/>
    <xsl:for-each select="$actions[tp:kind(.) = 'sent']">
      <xsl:variable name="roles" select="(persName, orgName)/(@type, @role) ! lower-case(.)"/>
      <xsl:if test="$roles = $sender-roles and $roles = $addressee-roles">
        <xsl:processing-instruction name="cmif-warning"
            select="'cmif.shared-action|one correspAction type=&quot;' || @type
                    || '&quot; holds the sender and the addressee (names typed '
                    || string-join(distinct-values($roles), ', ') || '); CMIF keeps them all as'
                    || ' senders: move the addressee into a correspAction type=&quot;received&quot;'"/>
      </xsl:if>
    </xsl:for-each>
    <correspDesc ref="{$page}" source="{$source}">
      <xsl:for-each select="'sent', 'received'">
        <xsl:variable name="kind" select="."/>
        <xsl:call-template name="action">
          <xsl:with-param name="kind" select="$kind"/>
          <xsl:with-param name="from" select="$actions[tp:kind(.) = $kind]"/>
        </xsl:call-template>
      </xsl:for-each>
    </correspDesc>
  </xsl:template>

  <!-- One CMIF action from every source action of its kind: their names and places, and one
       date. An action without any party names an unknown one, as CMIF needs both actions. -->
  <xsl:template name="action">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="from" as="element()*"/>
    <xsl:variable name="parties" select="$from/(persName | orgName | name | rs[@type = ('person', 'org')])"/>
    <xsl:if test="empty($parties)">
      <xsl:processing-instruction name="cmif-warning"
          select="'cmif.no-party|no ' || (if ($kind = 'sent') then 'sender' else 'addressee')
                  || ' is named in a correspAction of type ' || $kind
                  || '; CMIF names it as unknown'"/>
    </xsl:if>
    <correspAction type="{$kind}">
      <xsl:apply-templates select="$parties"/>
      <xsl:if test="empty($parties)"><persName>unknown</persName></xsl:if>
      <xsl:apply-templates select="($from/(placeName | settlement | rs[@type = 'place']))[1]"/>
      <xsl:call-template name="date">
        <xsl:with-param name="dates" select="$from/date"/>
      </xsl:call-template>
    </correspAction>
  </xsl:template>

  <xsl:template match="persName | orgName | placeName | name | settlement | rs">
    <xsl:variable name="kind" select="if (self::placeName or self::settlement or @type = 'place')
        then 'placeName' else if (self::orgName or @type = 'org') then 'orgName' else 'persName'"/>
    <!-- A place given as an address names its settlement. -->
    <xsl:variable name="named" select="if ($kind = 'placeName') then (.//settlement[normalize-space()], .)[1] else ."/>
    <xsl:element name="{$kind}">
      <xsl:variable name="uri" select="(tp:authority($named, $kind), tp:authority(., $kind))[1]"/>
      <xsl:if test="exists($uri)"><xsl:attribute name="ref" select="$uri"/></xsl:if>
      <xsl:call-template name="certainty"/>
      <xsl:value-of select="(normalize-space($named)[.], tp:entry-name($named))[1]"/>
    </xsl:element>
  </xsl:template>

  <!-- Dates: @when, @when-iso, @notBefore/@notAfter, @from/@to and their -iso forms, kept when
       they are W3C dates (YYYY, YYYY-MM, YYYY-MM-DD). Several dates of one action (a letter
       written over days) become one span, from the earliest to the latest. -->
  <xsl:function name="tp:w3c" as="xs:string?">
    <xsl:param name="value" as="attribute()?"/>
    <xsl:variable name="v" select="normalize-space($value)"/>
    <xsl:sequence select="if ($v castable as xs:date or $v castable as xs:gYearMonth
        or $v castable as xs:gYear) then $v else ()"/>
  </xsl:function>

  <xsl:template name="date">
    <xsl:param name="dates" as="element()*"/>
    <xsl:variable name="points" select="$dates ! tp:w3c((@when, @when-iso)[1])"/>
    <xsl:variable name="starts" select="$dates ! tp:w3c((@notBefore, @notBefore-iso, @from, @from-iso)[1])"/>
    <xsl:variable name="ends" select="$dates ! tp:w3c((@notAfter, @notAfter-iso, @to, @to-iso)[1])"/>
    <xsl:variable name="ranged" select="$dates[(@from, @from-iso, @to, @to-iso)]"/>
    <xsl:variable name="uncertain" select="$dates[@cert]"/>
    <xsl:variable name="unreadable" select="$dates[not(tp:w3c((@when, @when-iso)[1])
        or tp:w3c((@notBefore, @notBefore-iso, @from, @from-iso)[1])
        or tp:w3c((@notAfter, @notAfter-iso, @to, @to-iso)[1]))]"/>
    <xsl:for-each select="$unreadable[1]">
      <xsl:processing-instruction name="cmif-warning"
          select="'cmif.date-unreadable|the date ' || normalize-space(.) || ' has no @when, '
                  || '@notBefore/@notAfter or @from/@to in the form YYYY, YYYY-MM or YYYY-MM-DD, '
                  || 'so CMIF leaves it out'"/>
    </xsl:for-each>
    <xsl:choose>
      <xsl:when test="count($points) = 1 and empty(($starts, $ends))">
        <date when="{$points}"><xsl:for-each select="$dates[1]"><xsl:call-template name="certainty"/></xsl:for-each></date>
      </xsl:when>
      <xsl:when test="exists(($points, $starts, $ends))">
        <xsl:variable name="first" select="(sort(($points, $starts)))[1]"/>
        <xsl:variable name="last" select="(sort(($points, $ends)))[last()]"/>
        <xsl:variable name="span" select="exists($ranged) or count($points) gt 1"/>
        <date>
          <xsl:if test="exists($first)">
            <xsl:attribute name="{if ($span) then 'from' else 'notBefore'}" select="$first"/>
          </xsl:if>
          <xsl:if test="exists($last)">
            <xsl:attribute name="{if ($span) then 'to' else 'notAfter'}" select="$last"/>
          </xsl:if>
          <xsl:for-each select="($uncertain, $dates)[1]"><xsl:call-template name="certainty"/></xsl:for-each>
        </date>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- CMIF 1.1 knows one degree of doubt (cert="low") and one kind of evidence
       ("conjecture"). The rule (docs/outputs.md): cert low or unknown, or a number below 0.5,
       becomes low; medium and high, and numbers from 0.5, are left out (CMIF has no word
       for them, and low would overstate the doubt); evidence other than conjecture is left
       out. -->
  <xsl:template name="certainty">
    <xsl:if test="@cert = ('low', 'unknown') or (@cert castable as xs:decimal and xs:decimal(@cert) lt 0.5)">
      <xsl:attribute name="cert" select="'low'"/>
    </xsl:if>
    <xsl:if test="@evidence = 'conjecture'"><xsl:attribute name="evidence" select="'conjecture'"/></xsl:if>
  </xsl:template>

  <!-- A name given only by its @ref: the name of the entry it points at. -->
  <xsl:function name="tp:entry-name" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="entry" select="tp:entries($name)[1]"/>
    <xsl:sequence select="normalize-space(($entry/(persName, orgName, placeName, name))[1])"/>
  </xsl:function>

  <xsl:function name="tp:entries" as="element()*">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="for $r in tokenize(normalize-space($name/@ref))[starts-with(., '#')]
        return root($name)//(person, place, org, personGrp, bibl)[@xml:id = substring($r, 2)]"/>
  </xsl:function>

  <!-- Authority records: an idno is one when its @type or @subtype names an authority, or when
       its value is the authority's URI. -->
  <xsl:variable name="hosts" as="map(xs:string, xs:string)"
      select="map { 'd-nb.info/gnd/': 'gnd', 'viaf.org/viaf/': 'viaf', 'wikidata.org/': 'wikidata',
                    'geonames.org/': 'geonames', 'id.loc.gov/': 'lc', 'data.bnf.fr/': 'bnf',
                    'catalogue.bnf.fr/': 'bnf', 'id.ndl.go.jp/': 'ndl' }"/>

  <xsl:function name="tp:authority-of" as="xs:string?">
    <xsl:param name="idno" as="element()"/>
    <xsl:variable name="named" select="($idno/@type, $idno/@subtype) ! lower-case(.)
        ! (if (. = ('d-nb', 'dnb')) then 'gnd' else .)"/>
    <xsl:variable name="value" select="normalize-space($idno)"/>
    <xsl:variable name="by-uri" select="map:keys($hosts)[contains($value, .)] ! $hosts(.)"
        xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:sequence select="($named[. = map:keys($prefixes)], $by-uri)[1]"
        xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>

  <xsl:function name="tp:uri" as="xs:string">
    <xsl:param name="idno" as="element()"/>
    <xsl:param name="authority" as="xs:string"/>
    <xsl:variable name="value" select="normalize-space($idno)"/>
    <!-- A URI as written, less a trailing slash (the authority's identifier ends before it). -->
    <xsl:sequence select="if (matches($value, '^https?://')) then replace($value, '/+$', '')
        else ($prefixes($authority), '')[1] || replace($value, '^(gnd|viaf|geonames|wikidata):', '')"/>
  </xsl:function>

  <!-- The authority URI of a name: the preferred idno of the entry its @ref points at in the
       document's own lists (listPerson, listPlace, listOrg, wherever they stand), or an
       authority URI in @ref itself. -->
  <xsl:function name="tp:authority" as="xs:string?">
    <xsl:param name="name" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="refs" select="tokenize(normalize-space($name/@ref))"/>
    <xsl:variable name="entries" select="tp:entries($name)"/>
    <xsl:variable name="uris" as="xs:string*">
      <xsl:for-each select="$preferred($kind)">
        <xsl:variable name="authority" select="."/>
        <xsl:sequence select="($entries/idno[tp:authority-of(.) = $authority])[1] ! tp:uri(., $authority)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="direct" select="$refs[matches(., '^https?://')]"/>
    <xsl:sequence select="($uris, $direct[some $h in map:keys($hosts) satisfies contains(., $h)],
                           $direct)[1]"
        xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>

</xsl:stylesheet>
