<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-html.xsl: the reading edition of one teipipe TEI document as an HTML5 page.

  The page expects the site layout written by `teipipe build`: pages of documents in
  letters/, register pages in register/, the index one level up. It fetches nothing
  (the CSS is inline) and needs no script: notes are plain links, source readings of
  repairs are shown on hover and on keyboard focus by CSS alone.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tp="urn:teipipe:functions"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
              include-content-type="no" use-character-maps="tp:c1-controls"/>

  <!-- C1 control characters (U+0080 to U+009F), which text mis-decoded from Windows-1252
       carries, may not stand in an HTML page: each is written as the character a browser
       shows for it (the WHATWG table of numeric character references), an undefined one
       as U+FFFD. -->
  <xsl:character-map name="tp:c1-controls">
    <xsl:output-character character="&#x80;" string="&#x20AC;"/>
    <xsl:output-character character="&#x81;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x82;" string="&#x201A;"/>
    <xsl:output-character character="&#x83;" string="&#x192;"/>
    <xsl:output-character character="&#x84;" string="&#x201E;"/>
    <xsl:output-character character="&#x85;" string="&#x2026;"/>
    <xsl:output-character character="&#x86;" string="&#x2020;"/>
    <xsl:output-character character="&#x87;" string="&#x2021;"/>
    <xsl:output-character character="&#x88;" string="&#x2C6;"/>
    <xsl:output-character character="&#x89;" string="&#x2030;"/>
    <xsl:output-character character="&#x8A;" string="&#x160;"/>
    <xsl:output-character character="&#x8B;" string="&#x2039;"/>
    <xsl:output-character character="&#x8C;" string="&#x152;"/>
    <xsl:output-character character="&#x8D;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x8E;" string="&#x17D;"/>
    <xsl:output-character character="&#x8F;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x90;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x91;" string="&#x2018;"/>
    <xsl:output-character character="&#x92;" string="&#x2019;"/>
    <xsl:output-character character="&#x93;" string="&#x201C;"/>
    <xsl:output-character character="&#x94;" string="&#x201D;"/>
    <xsl:output-character character="&#x95;" string="&#x2022;"/>
    <xsl:output-character character="&#x96;" string="&#x2013;"/>
    <xsl:output-character character="&#x97;" string="&#x2014;"/>
    <xsl:output-character character="&#x98;" string="&#x2DC;"/>
    <xsl:output-character character="&#x99;" string="&#x2122;"/>
    <xsl:output-character character="&#x9A;" string="&#x161;"/>
    <xsl:output-character character="&#x9B;" string="&#x203A;"/>
    <xsl:output-character character="&#x9C;" string="&#x153;"/>
    <xsl:output-character character="&#x9D;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x9E;" string="&#x17E;"/>
    <xsl:output-character character="&#x9F;" string="&#x178;"/>
  </xsl:character-map>

  <xsl:include href="tei-common.xsl"/>

  <!-- Two rules for one node is a bug in this stylesheet, not a warning to scroll past. -->
  <xsl:mode on-multiple-match="fail"/>

  <!-- The page is made in two passes: the TEI rendered, then (mode tp:html5) every block that
       landed where HTML allows only phrasing content (a TEI p may hold a salute, a list, a
       table) turned into a span of the same class, shown as a block by the CSS. -->
  <xsl:template match="/">
    <xsl:variable name="page" as="element()">
      <html lang="{$tp:lang}">
        <head>
          <meta charset="UTF-8"/>
          <meta name="viewport" content="width=device-width, initial-scale=1"/>
          <title><xsl:value-of select="tp:title(*)"/></title>
          <style><xsl:value-of select="$tp:css"/></style>
        </head>
        <body>
          <xsl:call-template name="tp:site-nav"/>
          <main id="main">
            <xsl:apply-templates select="TEI | teiCorpus" mode="page"/>
          </main>
        </body>
      </html>
    </xsl:variable>
    <xsl:apply-templates select="$page" mode="tp:html5"/>
  </xsl:template>

  <xsl:template name="tp:site-nav">
    <nav class="site" aria-label="Site">
      <a href="../index.html"><xsl:value-of select="tp:label('corpus-index')"/></a>
      <a href="../register/index.html"><xsl:value-of select="tp:label('register')"/></a>
      <a href="../schema/reference.html"><xsl:value-of select="tp:label('reference')"/></a>
    </nav>
  </xsl:template>

  <!-- The HTML5 pass. -->
  <xsl:variable name="tp:phrasing" as="xs:string*" select="('a', 'abbr', 'b', 'bdi', 'bdo', 'br',
      'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'kbd', 'mark', 'q', 's',
      'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr')"/>
  <xsl:variable name="tp:phrasing-only" as="xs:string*" select="('p', 'span', 'a', 'q', 'em',
      'strong', 'small', 'i', 'b', 'u', 's', 'sub', 'sup', 'cite', 'abbr', 'time', 'code', 'dfn',
      'data', 'mark', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'del', 'ins')"/>

  <xsl:mode name="tp:html5" on-no-match="shallow-copy"/>

  <xsl:template match="*[not(local-name() = $tp:phrasing)]
                        [ancestor::*[local-name() = $tp:phrasing-only]]" mode="tp:html5">
    <span class="{string-join((local-name(), @class, 'as-block'[not(local-name(current()) =
                  ('li', 'table', 'tr', 'td', 'th', 'caption'))]), ' ')}">
      <xsl:apply-templates select="@* except @class" mode="tp:html5"/>
      <xsl:apply-templates mode="tp:html5"/>
    </span>
  </xsl:template>

  <!-- A link inside a link (a note marker inside a linked name): the inner one keeps its id. -->
  <xsl:template match="*[local-name() = 'a'][ancestor::*[local-name() = 'a']]" mode="tp:html5"
                priority="2">
    <span>
      <xsl:apply-templates select="@* except (@href, @rel, @role)" mode="tp:html5"/>
      <xsl:apply-templates mode="tp:html5"/>
    </span>
  </xsl:template>

  <!-- Attributes that only a block may carry do not survive on a span. -->
  <xsl:template match="@value | @colspan | @rowspan | @scope | @start | @reversed" mode="tp:html5">
    <xsl:if test="not(../ancestor::*[local-name() = $tp:phrasing-only])">
      <xsl:copy/>
    </xsl:if>
  </xsl:template>

  <!-- One document: its facts, its text, its notes. -->
  <xsl:template match="TEI" mode="page">
    <article class="document">
      <xsl:apply-templates select="." mode="facts"/>
      <xsl:apply-templates select="." mode="reading"/>
    </article>
  </xsl:template>

  <!-- A teiCorpus: its title, then each of its documents. -->
  <xsl:template match="teiCorpus" mode="page">
    <header class="facts corpus"><h1><xsl:value-of select="tp:title(.)"/></h1></header>
    <xsl:apply-templates select="TEI | teiCorpus" mode="page"/>
  </xsl:template>

  <xsl:template match="TEI" mode="reading">
    <div class="reading">
      <xsl:apply-templates select="text/front"/>
      <xsl:apply-templates select="text/body"/>
      <xsl:apply-templates select="text/group"/>
    </div>
    <xsl:call-template name="tp:notes"/>
  </xsl:template>

  <!-- The facts of the document, from the header: who, to whom, when, where, source, licence. -->
  <xsl:template match="TEI" mode="facts">
    <xsl:variable name="corresp" select="teiHeader/profileDesc/correspDesc"/>
    <header class="facts">
      <h1><xsl:value-of select="tp:title(.)"/></h1>
      <dl>
        <xsl:choose>
          <xsl:when test="$corresp">
            <xsl:for-each select="$corresp/correspAction">
              <dt><xsl:value-of select="tp:action-label(@type)"/></dt>
              <dd>
                <xsl:for-each select="persName | orgName">
                  <xsl:if test="position() gt 1">, </xsl:if>
                  <xsl:apply-templates select="."/>
                </xsl:for-each>
                <xsl:for-each select="placeName">
                  <xsl:text>, </xsl:text>
                  <xsl:apply-templates select="."/>
                  <xsl:sequence select="tp:uncertain(.)"/>
                </xsl:for-each>
                <xsl:for-each select="date">
                  <xsl:text>, </xsl:text>
                  <xsl:variable name="datetime" select="tp:datetime(.)"/>
                  <time>
                    <xsl:if test="exists($datetime)"><xsl:attribute name="datetime" select="$datetime"/></xsl:if>
                    <xsl:value-of select="tp:date(.)"/>
                  </time>
                  <xsl:sequence select="tp:uncertain(.)"/>
                </xsl:for-each>
              </dd>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="teiHeader/fileDesc/titleStmt/author">
              <dt><xsl:value-of select="tp:label('author')"/></dt>
              <dd><xsl:apply-templates/></dd>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:for-each select="teiHeader/fileDesc/titleStmt/respStmt[not(@xml:id = 'teipipe')]">
          <dt><xsl:value-of select="tp:capitalise(resp ! string(.))"/></dt>
          <dd>
            <xsl:for-each select="* except resp">
              <xsl:if test="position() gt 1">, </xsl:if>
              <xsl:apply-templates select="."/>
            </xsl:for-each>
          </dd>
        </xsl:for-each>
        <xsl:if test="teiHeader/fileDesc/sourceDesc/bibl[normalize-space()]">
          <dt><xsl:value-of select="tp:label('source')"/></dt>
          <dd><xsl:apply-templates select="teiHeader/fileDesc/sourceDesc/bibl[normalize-space()]"/></dd>
        </xsl:if>
        <xsl:if test="teiHeader/fileDesc/publicationStmt/availability">
          <dt><xsl:value-of select="tp:label('licence')"/></dt>
          <dd><xsl:apply-templates select="teiHeader/fileDesc/publicationStmt/availability"/></dd>
        </xsl:if>
        <!-- Only the relations between a translation and its original are links to pages;
             other relations (between people, places) are the edition's data. -->
        <xsl:apply-templates select="teiHeader/profileDesc/listRelation/relation
            [@name = ('translationOf', 'hasTranslation')][normalize-space(@passive)]"
            mode="facts"/>
      </dl>
      <xsl:apply-templates select="teiHeader/profileDesc/correspDesc/correspContext" mode="facts"/>
    </header>
  </xsl:template>

  <xsl:template match="relation" mode="facts">
    <xsl:variable name="other" select="tp:page(@passive)"/>
    <dt><xsl:value-of select="tp:label(if (@name = 'translationOf') then 'translation-of' else 'translated-as')"/></dt>
    <dd>
      <a href="{$other}"><xsl:value-of select="tp:stem(@passive)"/></a>
      <xsl:text> · </xsl:text>
      <a href="{tp:parallel-page(.)}"><xsl:value-of select="tp:label('side-by-side')"/></a>
    </dd>
  </xsl:template>

  <xsl:template match="correspContext" mode="facts">
    <nav class="context" aria-label="Correspondence">
      <!-- A neighbour the edition names without pointing at it is named, not linked. -->
      <xsl:for-each select="ref[@type = ('prev', 'next')]">
        <xsl:variable name="label">
          <xsl:value-of select="tp:label(if (@type = 'prev') then 'previous' else 'next')"/>
          <xsl:value-of select="normalize-space(.)"/>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="normalize-space(@target)">
            <a href="{tp:page(@target)}" rel="{@type}"><xsl:sequence select="$label"/></a>
          </xsl:when>
          <xsl:otherwise><span class="{@type}"><xsl:sequence select="$label"/></span></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </nav>
  </xsl:template>

  <!-- A licence is a link to its text when it has one; its paragraphs become one line. A
       licence that quotes its terms at length is shown by its address. -->
  <xsl:template match="availability">
    <xsl:for-each select="licence">
      <xsl:variable name="text" select="normalize-space(string-join(.//text()[not(ancestor::note)], ' '))"/>
      <xsl:choose>
        <xsl:when test="@target and $text and string-length($text) le 120">
          <a href="{@target}"><xsl:value-of select="$text"/></a>
        </xsl:when>
        <xsl:when test="@target"><a href="{@target}"><xsl:value-of select="@target"/></a></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:for-each select="p">
      <xsl:text> </xsl:text><xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:function name="tp:action-label" as="xs:string">
    <xsl:param name="type" as="xs:string?"/>
    <xsl:sequence select="if ($type = ('sent', 'received', 'transmitted', 'redirected', 'forwarded'))
        then tp:label($type) else tp:capitalise($type)"/>
  </xsl:function>

  <xsl:template match="bibl">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="bibl/ptr">
    <xsl:text> </xsl:text>
    <a href="{@target}"><xsl:value-of select="@target"/></a>
  </xsl:template>

  <!-- Text structure. -->
  <xsl:template match="front">
    <div class="front">
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="body">
    <div class="body">
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="docTitle">
    <p class="docTitle"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="titlePart | docTitle/titlePart">
    <span class="titlePart {@type}"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="front/titlePart | byline | docImprint | docEdition | docDate">
    <p class="{local-name()}"><xsl:call-template name="tp:attributes"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="argument">
    <div class="argument"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="div">
    <section class="div {@type}">
      <xsl:call-template name="tp:attributes"/>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <!-- Notes are listed once, at the end; their divisions are not rendered in place. -->
  <xsl:template match="div[@type = 'notes']" priority="2"/>

  <xsl:template match="head">
    <xsl:element name="h{min((count(ancestor::div) + 1, 6))}">
      <xsl:call-template name="tp:attributes"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="p">
    <p><xsl:call-template name="tp:attributes"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="quote[p | lg | list | quote[p] | table]">
    <blockquote><xsl:call-template name="tp:attributes"/><xsl:apply-templates/></blockquote>
  </xsl:template>

  <xsl:template match="quote">
    <q><xsl:call-template name="tp:attributes"/><xsl:apply-templates/></q>
  </xsl:template>

  <xsl:template match="list">
    <xsl:element name="{if (@type = 'ordered') then 'ol' else 'ul'}">
      <xsl:call-template name="tp:attributes"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- A list's head and labels are items of their own, so that the list holds only items. -->
  <xsl:template match="list/head | list/label">
    <li class="{local-name()}"><xsl:call-template name="tp:attributes"/><xsl:apply-templates/></li>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <xsl:if test="../@type = 'ordered' and @n castable as xs:integer">
        <xsl:attribute name="value" select="@n"/>
      </xsl:if>
      <xsl:call-template name="tp:attributes"/>
      <xsl:apply-templates/>
    </li>
  </xsl:template>

  <!-- Opener and closer are laid out as in a letter: dateline and signature to the right. -->
  <xsl:template match="opener | closer | postscript">
    <div class="{local-name()}"><xsl:call-template name="tp:attributes"/><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="dateline | salute | signed">
    <p class="{local-name()}"><xsl:call-template name="tp:attributes"/><xsl:apply-templates/></p>
  </xsl:template>

  <!-- Phrases. -->
  <xsl:template match="persName | placeName | orgName | rs">
    <xsl:variable name="id" select="substring(tokenize(normalize-space(@ref))[1], 2)"/>
    <xsl:choose>
      <xsl:when test="starts-with(@ref, '#') and not(.//note | .//ref | .//ptr)">
        <a class="name {local-name()}" href="../register/{$id}.html">
          <xsl:call-template name="tp:attributes"/>
          <xsl:call-template name="tp:name-text"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="name {local-name()}">
          <xsl:call-template name="tp:attributes"/>
          <xsl:call-template name="tp:name-text"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A name given only by its @ref shows the name of the entry it points at. -->
  <xsl:template name="tp:name-text">
    <xsl:choose>
      <xsl:when test="normalize-space() or *"><xsl:apply-templates/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="entry" select="(for $r in tokenize(normalize-space(@ref))[starts-with(., '#')]
            return key('tp:id', substring($r, 2)))[1]"/>
        <xsl:value-of select="normalize-space(($entry/(persName, orgName, placeName, name))[1])"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="foreign | title | date | seg | emph | term | name | num | measure | abbr
                       | expan | orig | reg | sic | corr | label | fw | said | mentioned | soCalled
                       | distinct | gloss | roleName | forename | surname | addName | settlement
                       | country | region | bloc | geogName | time | lem | ex | am | hi[not(@rend)]">
    <span class="{local-name()}"><xsl:call-template name="tp:attributes"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- hi: its rendition as classes (italic, underline, superscript, ...), which the CSS styles. -->
  <xsl:template match="hi[@rend]">
    <span class="hi {string-join(tokenize(lower-case(@rend), '[\s;,()]+')[.] ! replace(., '[^a-z0-9-]', ''), ' ')}">
      <xsl:call-template name="tp:attributes"/><xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="del"><del><xsl:call-template name="tp:attributes"/><xsl:apply-templates/></del></xsl:template>
  <xsl:template match="add"><ins><xsl:call-template name="tp:attributes"/><xsl:apply-templates/></ins></xsl:template>

  <xsl:template match="supplied">
    <span class="supplied"><xsl:call-template name="tp:attributes"/>[<xsl:apply-templates/>]</span>
  </xsl:template>

  <xsl:template match="unclear">
    <span class="unclear" title="{tp:label('unclear')}"><xsl:call-template name="tp:attributes"/><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="gap">
    <span class="gap" title="{string-join((tp:label('gap'), @reason, @quantity ! (. || ' ' || ../@unit)), ', ')}">[…]</span>
  </xsl:template>

  <xsl:template match="space"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="milestone | cb | anchor | index | link | linkGrp | alt | altGrp | join"/>

  <!-- A critical apparatus shows the lemma (or the first reading); the other readings are in
       its title and, for keyboard users, in a tooltip as for repairs. -->
  <xsl:template match="app">
    <xsl:variable name="shown" select="(lem, rdg)[1]"/>
    <xsl:variable name="others" select="(rdg, rdgGrp/rdg) except $shown"/>
    <xsl:variable name="label" select="tp:label('readings') || ': ' || string-join($others !
        (normalize-space(.) || (@wit ! (' (' || normalize-space(.) || ')'))), '; ')"/>
    <span class="app" tabindex="0" title="{$label}" data-source="{$label}">
      <xsl:apply-templates select="$shown/node()"/>
    </span>
  </xsl:template>

  <xsl:template match="rdg | rdgGrp | witDetail | wit"/>

  <!-- Verse, addresses, quoted letters and other texts inside the text. -->
  <xsl:template match="lg | address | floatingText | group | text | div1 | div2 | div3 | div4
                       | div5 | div6 | div7 | ab | epigraph | trailer | docAuthor">
    <div class="{local-name()}"><xsl:call-template name="tp:attributes"/><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="l | addrLine">
    <span class="{local-name()}"><xsl:call-template name="tp:attributes"/><xsl:apply-templates/></span>
    <xsl:if test="self::addrLine and following-sibling::addrLine"><br/></xsl:if>
  </xsl:template>

  <!-- Figures: the image is linked, not loaded, so that a page fetches nothing. -->
  <xsl:template match="figure">
    <figure><xsl:call-template name="tp:attributes"/>
      <xsl:apply-templates select="* except (head, figDesc)"/>
      <xsl:if test="head | figDesc">
        <figcaption><xsl:apply-templates select="head/node(), figDesc/node()"/></figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <xsl:template match="graphic | media">
    <a class="graphic" href="{@url}"><xsl:value-of select="tp:label('image')"/></a>
  </xsl:template>

  <xsl:template match="table">
    <table class="tei"><xsl:call-template name="tp:attributes"/>
      <xsl:if test="head"><caption><xsl:apply-templates select="head/node()"/></caption></xsl:if>
      <xsl:apply-templates select="row"/>
    </table>
  </xsl:template>

  <xsl:template match="row">
    <tr><xsl:call-template name="tp:attributes"/><xsl:apply-templates select="cell"/></tr>
  </xsl:template>

  <xsl:template match="cell">
    <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}">
      <xsl:if test="@cols castable as xs:integer"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
      <xsl:if test="@rows castable as xs:integer"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
      <xsl:call-template name="tp:attributes"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="ptr[@target]">
    <a href="{@target}"><xsl:value-of select="@target"/></a>
  </xsl:template>

  <!-- A repair shows the repaired reading; the source reading is in the title and, for
       keyboard users and touch, in a CSS tooltip shown on focus. -->
  <xsl:template match="choice">
    <xsl:variable name="edited" select="(reg, corr, expan, *)[1]"/>
    <!-- A choice of other alternatives (two unclear readings, two segs) names the others. -->
    <xsl:variable name="others" select="* except $edited"/>
    <xsl:variable name="label" select="if (orig or sic or abbr or empty($others))
        then tp:source-label(.)
        else tp:label('readings') || ': ' || string-join($others ! normalize-space(.), '; ')"/>
    <span class="choice {if (corr or reg/@type = 'ocr') then 'correction' else if (reg) then 'regularisation' else 'abbreviation'}" tabindex="0"
          title="{$label}" data-source="{$label}">
      <xsl:apply-templates select="$edited/node()"/>
    </span>
  </xsl:template>

  <xsl:template match="lb">
    <xsl:if test="not(@break = 'no')"><br/></xsl:if>
  </xsl:template>

  <!-- Page breaks: a bar in the text and the page number in the margin. -->
  <xsl:template match="pb">
    <span class="pb" role="note" aria-label="{tp:label('page')} {@n}">
      <xsl:call-template name="tp:attributes"/>
      <span class="pb-n"><xsl:value-of select="if (@n) then tp:label('page-short') || ' ' || @n else tp:label('page')"/></span>
    </span>
  </xsl:template>

  <xsl:template match="body/pb | div/pb" priority="2">
    <div class="pb block" role="note" aria-label="{tp:label('page')} {@n}">
      <xsl:call-template name="tp:attributes"/>
      <span class="pb-n"><xsl:value-of select="if (@n) then tp:label('page-short') || ' ' || @n else tp:label('page')"/></span>
    </div>
  </xsl:template>

  <!-- Note markers: ref type="noteref" for end notes, a note in place for foot notes. -->
  <xsl:template match="ref[@type = 'noteref']" priority="2">
    <xsl:variable name="note" select="key('tp:id', substring(@target, 2))"/>
    <xsl:choose>
      <xsl:when test="$note">
        <a class="noteref {tp:note-class($note)}" href="#note-{tp:note-id($note)}"
           id="{tp:marker-id(.)}" role="doc-noteref">
          <xsl:value-of select="tp:note-label($note)"/>
        </a>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="note[not(tp:listed-apart(.))]">
    <a class="noteref {tp:note-class(.)}" href="#note-{tp:note-id(.)}" id="{tp:marker-id(.)}"
       role="doc-noteref">
      <xsl:value-of select="tp:note-label(.)"/>
    </a>
  </xsl:template>

  <xsl:template match="ref[@target]">
    <a href="{@target}"><xsl:apply-templates/></a>
  </xsl:template>

  <!-- The notes, numbered, each with links back to every marker that points at it. -->
  <xsl:template name="tp:notes">
    <!-- The notes whose text is rendered: in front and body, and listed apart in back. -->
    <!-- (In a text/group, those of every text of the group.) -->
    <xsl:variable name="rendered" select="text//(front | body)//note
                                          | text//back/div[@type = 'notes']//note"/>
    <xsl:variable name="notes" select="$rendered[not(@anchored = 'false')]"/>
    <xsl:variable name="unanchored" select="$rendered[@anchored = 'false']"/>
    <xsl:if test="$unanchored">
      <aside class="notes unanchored" aria-label="{tp:label('whole-text-notes')}">
        <xsl:for-each select="$unanchored">
          <div class="note {tp:note-class(.)}" id="note-{tp:note-id(.)}">
            <xsl:call-template name="tp:attributes"/>
            <span class="note-label"><xsl:value-of select="tp:note-label(.)"/></span>
            <xsl:call-template name="tp:note-kind"/>
            <xsl:apply-templates select="node()"/>
          </div>
        </xsl:for-each>
      </aside>
    </xsl:if>
    <xsl:if test="$notes">
      <section class="notes" aria-labelledby="{tp:prefix(.)}notes-heading">
        <h2 id="{tp:prefix(.)}notes-heading"><xsl:value-of select="tp:label('notes')"/></h2>
        <ol class="notes">
          <xsl:for-each select="$notes">
            <li class="note {tp:note-class(.)}" id="note-{tp:note-id(.)}" role="doc-endnote">
              <xsl:call-template name="tp:attributes"/>
              <span class="note-label"><xsl:value-of select="tp:note-label(.)"/></span>
              <xsl:call-template name="tp:note-kind"/>
              <div class="note-body"><xsl:apply-templates select="node()"/></div>
              <xsl:for-each select="tp:markers(.)">
                <a class="backlink" href="#{tp:marker-id(.)}" role="doc-backlink"
                   aria-label="{tp:label('back-to-text')} {position()}">↩</a>
              </xsl:for-each>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tp:note-kind">
    <xsl:if test="tp:note-class(.) = 'editorial'">
      <span class="note-kind"><xsl:value-of select="tp:label('editors-note')"/></span>
    </xsl:if>
  </xsl:template>

  <!-- Inside a listed note, the content is rendered, not a marker. -->
  <xsl:template match="note" mode="content">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Copies @xml:id and @xml:lang (as id and lang) and @corresp (as data-corresp). -->
  <xsl:template name="tp:attributes">
    <xsl:if test="@xml:id and not(self::note)"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
    <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
    <xsl:if test="@corresp"><xsl:attribute name="data-corresp" select="@corresp"/></xsl:if>
  </xsl:template>

</xsl:stylesheet>
