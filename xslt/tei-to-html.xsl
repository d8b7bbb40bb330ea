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
              include-content-type="no"/>

  <xsl:include href="tei-common.xsl"/>

  <!-- Two rules for one node is a bug in this stylesheet, not a warning to scroll past. -->
  <xsl:mode on-multiple-match="fail"/>

  <xsl:template match="/">
    <xsl:variable name="lang" select="(TEI/@xml:lang, 'en')[1]"/>
    <html lang="{$lang}">
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="tp:title(TEI)"/></title>
        <style><xsl:value-of select="$tp:css"/></style>
      </head>
      <body>
        <xsl:call-template name="tp:site-nav"/>
        <main id="main">
          <xsl:apply-templates select="TEI" mode="page"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="tp:site-nav">
    <nav class="site" aria-label="Site">
      <a href="../index.html">Corpus index</a>
      <a href="../register/index.html">Register</a>
      <a href="../schema/reference.html">Encoding reference</a>
    </nav>
  </xsl:template>

  <!-- One document: its facts, its text, its notes. -->
  <xsl:template match="TEI" mode="page">
    <article class="document">
      <xsl:apply-templates select="." mode="facts"/>
      <xsl:apply-templates select="." mode="reading"/>
    </article>
  </xsl:template>

  <xsl:template match="TEI" mode="reading">
    <div class="reading">
      <xsl:apply-templates select="text/front"/>
      <xsl:apply-templates select="text/body"/>
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
              <dt><xsl:value-of select="if (@type = 'sent') then 'From' else 'To'"/></dt>
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
                  <time datetime="{(@when, @notBefore)[1]}"><xsl:value-of select="tp:date(.)"/></time>
                  <xsl:sequence select="tp:uncertain(.)"/>
                </xsl:for-each>
              </dd>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="teiHeader/fileDesc/titleStmt/author">
              <dt>Author</dt>
              <dd><xsl:apply-templates/></dd>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:for-each select="teiHeader/fileDesc/titleStmt/respStmt[not(@xml:id = 'teipipe')]">
          <dt><xsl:value-of select="tp:capitalise(resp)"/></dt>
          <dd><xsl:apply-templates select="* except resp"/></dd>
        </xsl:for-each>
        <dt>Source</dt>
        <dd><xsl:apply-templates select="teiHeader/fileDesc/sourceDesc/bibl"/></dd>
        <dt>Licence</dt>
        <dd><xsl:apply-templates select="teiHeader/fileDesc/publicationStmt/availability"/></dd>
        <xsl:apply-templates select="teiHeader/profileDesc/listRelation/relation" mode="facts"/>
      </dl>
      <xsl:apply-templates select="teiHeader/profileDesc/correspDesc/correspContext" mode="facts"/>
    </header>
  </xsl:template>

  <xsl:template match="relation" mode="facts">
    <xsl:variable name="other" select="tp:page(@passive)"/>
    <dt><xsl:value-of select="if (@name = 'translationOf') then 'Translation of' else 'Translated as'"/></dt>
    <dd>
      <a href="{$other}"><xsl:value-of select="tp:stem(@passive)"/></a>
      <xsl:text> · </xsl:text>
      <a href="{tp:parallel-page(.)}">side by side</a>
    </dd>
  </xsl:template>

  <xsl:template match="correspContext" mode="facts">
    <nav class="context" aria-label="Correspondence">
      <xsl:for-each select="ref[@type = ('prev', 'next')]">
        <a href="{tp:page(@target)}" rel="{@type}">
          <xsl:value-of select="if (@type = 'prev') then '← Previous letter: ' else 'Next letter → '"/>
          <xsl:value-of select="normalize-space(.)"/>
        </a>
      </xsl:for-each>
    </nav>
  </xsl:template>

  <xsl:template match="availability">
    <xsl:for-each select="licence">
      <xsl:choose>
        <xsl:when test="@target"><a href="{@target}"><xsl:apply-templates/></a></xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:apply-templates select="p"/>
  </xsl:template>

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

  <xsl:template match="quote[p]">
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
  <xsl:template match="persName | placeName | orgName">
    <xsl:choose>
      <xsl:when test="starts-with(@ref, '#')">
        <a class="name {local-name()}" href="../register/{substring(@ref, 2)}.html">
          <xsl:call-template name="tp:attributes"/>
          <xsl:apply-templates/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="name {local-name()}"><xsl:call-template name="tp:attributes"/><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="foreign | hi | title | date | seg | emph | term">
    <span class="{local-name()}"><xsl:call-template name="tp:attributes"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- A repair shows the repaired reading; the source reading is in the title and, for
       keyboard users and touch, in a CSS tooltip shown on focus. -->
  <xsl:template match="choice">
    <xsl:variable name="edited" select="(reg, corr)[1]"/>
    <xsl:variable name="source" select="(orig, sic)[1]"/>
    <xsl:variable name="label" select="tp:source-label(.)"/>
    <span class="choice {if (corr or reg/@type = 'ocr') then 'correction' else 'regularisation'}" tabindex="0"
          title="{$label}" data-source="{$label}">
      <xsl:apply-templates select="$edited/node()"/>
    </span>
  </xsl:template>

  <xsl:template match="lb">
    <xsl:if test="not(@break = 'no')"><br/></xsl:if>
  </xsl:template>

  <!-- Page breaks: a bar in the text and the page number in the margin. -->
  <xsl:template match="pb">
    <span class="pb" role="note" aria-label="page {@n}">
      <xsl:call-template name="tp:attributes"/>
      <span class="pb-n"><xsl:value-of select="if (@n) then concat('p. ', @n) else 'page'"/></span>
    </span>
  </xsl:template>

  <xsl:template match="body/pb | div/pb" priority="2">
    <div class="pb block" role="note" aria-label="page {@n}">
      <span class="pb-n"><xsl:value-of select="if (@n) then concat('p. ', @n) else 'page'"/></span>
    </div>
  </xsl:template>

  <!-- Note markers: ref type="noteref" for end notes, a note in place for foot notes. -->
  <xsl:template match="ref[@type = 'noteref']" priority="2">
    <xsl:variable name="note" select="key('tp:id', substring(@target, 2))"/>
    <xsl:choose>
      <xsl:when test="$note">
        <a class="noteref {tp:note-class($note)}" href="#note-{$note/@xml:id}"
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
    <xsl:variable name="notes" select="text//note[not(@anchored = 'false')]"/>
    <xsl:variable name="unanchored" select="text//note[@anchored = 'false']"/>
    <xsl:if test="$unanchored">
      <aside class="notes unanchored" aria-label="Notes on the whole text">
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
      <section class="notes" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        <ol class="notes">
          <xsl:for-each select="$notes">
            <li class="note {tp:note-class(.)}" id="note-{tp:note-id(.)}" role="doc-endnote">
              <xsl:call-template name="tp:attributes"/>
              <span class="note-label"><xsl:value-of select="tp:note-label(.)"/></span>
              <xsl:call-template name="tp:note-kind"/>
              <div class="note-body"><xsl:apply-templates select="node()"/></div>
              <xsl:for-each select="tp:markers(.)">
                <a class="backlink" href="#{tp:marker-id(.)}" role="doc-backlink"
                   aria-label="Back to the text, marker {position()}">↩</a>
              </xsl:for-each>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tp:note-kind">
    <xsl:if test="tp:note-class(.) = 'editorial'">
      <span class="note-kind">Editor’s note</span>
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
