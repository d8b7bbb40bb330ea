<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-common.xsl: functions shared by the teipipe stylesheets (titles, dates, notes, links)
  and the reading edition's CSS. Included, never run on its own.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tp="urn:teipipe:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:key name="tp:id" match="*[@xml:id]" use="@xml:id"/>

  <xsl:function name="tp:title" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="titles" select="$tei/teiHeader/fileDesc/titleStmt/title"/>
    <xsl:sequence select="normalize-space(($titles[@type = 'main'], $titles)[1])"/>
  </xsl:function>

  <xsl:function name="tp:identifier" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="string($tei/teiHeader/fileDesc/publicationStmt/idno[@type = 'teipipe'])"/>
  </xsl:function>

  <xsl:function name="tp:capitalise" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:variable name="t" select="normalize-space($text)"/>
    <xsl:sequence select="upper-case(substring($t, 1, 1)) || substring($t, 2)"/>
  </xsl:function>

  <!-- A date attribute value as words: 1936-08-10 → 10 August 1936, 1939-02 → February 1939. -->
  <xsl:function name="tp:iso-date" as="xs:string">
    <xsl:param name="value" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$value castable as xs:date">
        <xsl:sequence select="format-date(xs:date($value), '[D] [MNn] [Y]', 'en', (), ())"/>
      </xsl:when>
      <xsl:when test="$value castable as xs:gYearMonth">
        <xsl:sequence select="format-date(xs:date($value || '-01'), '[MNn] [Y]', 'en', (), ())"/>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$value"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="tp:date" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:choose>
      <xsl:when test="$date/@when"><xsl:sequence select="tp:iso-date($date/@when)"/></xsl:when>
      <xsl:when test="$date/@notBefore and $date/@notAfter">
        <xsl:sequence select="'between ' || tp:iso-date($date/@notBefore) || ' and '
                              || tp:iso-date($date/@notAfter)"/>
      </xsl:when>
      <xsl:when test="$date/@notBefore"><xsl:sequence select="'after ' || tp:iso-date($date/@notBefore)"/></xsl:when>
      <xsl:when test="$date/@notAfter"><xsl:sequence select="'before ' || tp:iso-date($date/@notAfter)"/></xsl:when>
      <xsl:otherwise><xsl:sequence select="normalize-space($date)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A visible question mark, explained in its title, for what the editors are unsure of. -->
  <xsl:function name="tp:uncertain" as="element()?">
    <xsl:param name="node" as="element()"/>
    <xsl:if test="$node/@cert = ('low', 'medium')">
      <span xmlns="" class="uncertain"
            title="{string-join(('certainty: ' || $node/@cert, $node/@evidence ! ('evidence: ' || .)), '; ')}"> (?)</span>
    </xsl:if>
  </xsl:function>

  <!-- Pointers to other TEI files of the corpus (other.xml#id) as pages of the site. -->
  <xsl:function name="tp:stem" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:variable name="file" select="tokenize($pointer, '#')[1]"/>
    <xsl:sequence select="replace($file, '\.xml$', '')"/>
  </xsl:function>

  <xsl:function name="tp:page" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:sequence select="tp:stem($pointer) || '.html'"/>
  </xsl:function>

  <!-- The side-by-side page of a pair is named after its translation. -->
  <xsl:function name="tp:parallel-page" as="xs:string">
    <xsl:param name="relation" as="element()"/>
    <xsl:variable name="translation" select="if ($relation/@name = 'translationOf')
        then tp:identifier(root($relation)/*) else tp:stem($relation/@passive)"/>
    <xsl:sequence select="$translation || '.parallel.html'"/>
  </xsl:function>

  <!-- The source reading of a repair, as words: the title of the repaired reading. -->
  <xsl:function name="tp:source-label" as="xs:string">
    <xsl:param name="choice" as="element()"/>
    <xsl:variable name="source" select="($choice/orig, $choice/sic)[1]"/>
    <xsl:variable name="text" select="string-join($source//text() ! (if (following-sibling::*[1][self::lb]) then . || '|' else .))"/>
    <xsl:variable name="edited" select="($choice/corr, $choice/reg)[1]"/>
    <xsl:variable name="who" select="for $r in tokenize($edited/@resp) return
        normalize-space((key('tp:id', substring($r, 2), root($choice))/(name, persName, orgName))[1])"/>
    <xsl:variable name="ocr" select="$edited/@type = 'ocr'"/>
    <xsl:sequence select="string-join((
        (if ($choice/sic) then 'As printed: ' else if ($ocr) then 'As digitised: '
         else 'In the source: ') || normalize-space($text),
        (if ($choice/sic) then 'corrected' else if ($ocr) then 'digitisation error repaired'
         else 'regularised')
          || (if (exists($who[.])) then ' by ' || string-join($who[.], ', ') else '')
          || ($edited/@cert ! (', certainty ' || .))), '; ')"/>
  </xsl:function>

  <!-- Notes. -->
  <xsl:function name="tp:listed-apart" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/ancestor::div[@type = 'notes']) or $note/@anchored = 'false'"/>
  </xsl:function>

  <xsl:function name="tp:note-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="string(($note/@xml:id, 'note' || count($note/preceding::note) + 1)[1])"/>
  </xsl:function>

  <xsl:function name="tp:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="string(($note/@n, count($note/preceding::note[not(@anchored = 'false')]) + 1)[1])"/>
  </xsl:function>

  <xsl:function name="tp:note-class" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if ($note/@type = 'editorial' or $note/@resp) then 'editorial' else 'authorial'"/>
  </xsl:function>

  <!-- Every marker of a note, in document order: ref elements pointing at it, or the note in place. -->
  <xsl:function name="tp:markers" as="element()*">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if (tp:listed-apart($note))
        then root($note)//ref[@type = 'noteref'][@target = '#' || $note/@xml:id]
        else $note"/>
  </xsl:function>

  <xsl:function name="tp:marker-id" as="xs:string">
    <xsl:param name="marker" as="element()"/>
    <xsl:choose>
      <xsl:when test="$marker/self::note">
        <xsl:sequence select="'ref-' || tp:note-id($marker)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="id" select="substring($marker/@target, 2)"/>
        <xsl:variable name="n" select="count($marker/preceding::ref[@type = 'noteref'][@target = $marker/@target]) + 1"/>
        <xsl:sequence select="'ref-' || $id || (if ($n gt 1) then '-' || $n else '')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:variable name="tp:css" as="xs:string">
:root { --ink: #1d1d1b; --muted: #5b5b57; --accent: #7a2e12; --paper: #fdfcf8; --ed: #eef3f8; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 1.0625rem/1.6 Georgia, "Times New Roman", serif; }
nav.site { display: flex; gap: 1.5rem; padding: .6rem 1rem; background: #ece8df;
  font-family: system-ui, sans-serif; font-size: .9rem; }
main { position: relative; max-width: 42rem; margin: 0 auto 4rem; padding: 0 1rem 0 5rem; }
a { color: var(--accent); }
a:focus, .choice:focus { outline: 3px solid #1a5fb4; outline-offset: 2px; }
.facts { border-bottom: 1px solid #ccc; margin-bottom: 1.5rem; }
.facts dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem;
  font-family: system-ui, sans-serif; font-size: .9rem; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; }
nav.context { display: flex; justify-content: space-between; gap: 1rem; margin: .8rem 0;
  font-family: system-ui, sans-serif; font-size: .9rem; }
.front { color: var(--muted); font-size: .95rem; margin-bottom: 1.5rem; }
.front .docTitle { font-size: 1.2rem; color: var(--ink); }
.opener, .closer { margin: 1.2rem 0; }
.opener .dateline, .closer .signed { text-align: right; }
.closer .salute { margin-left: 2rem; }
.postscript { border-top: 1px dotted #aaa; padding-top: .5rem; }
blockquote { margin: 1rem 2rem; }
section.piece { border-top: 1px solid #ddd; margin-top: 2rem; }
.name { text-decoration-style: dotted; }
.foreign { font-style: italic; }
.choice { position: relative; border-bottom: 1px dashed var(--accent); cursor: help; }
.choice::after { content: attr(data-source); display: none; position: absolute; left: 0;
  top: 1.6em; z-index: 2; width: max-content; max-width: 20rem; padding: .3rem .5rem;
  background: #333; color: #fff; font: .8rem/1.3 system-ui, sans-serif; border-radius: 3px; }
.choice:hover::after, .choice:focus::after { display: block; }
.pb { color: var(--muted); }
.pb::before { content: "|"; }
.pb-n { position: absolute; left: 0; width: 4rem; text-align: right;
  font: .75rem system-ui, sans-serif; }
div.pb.block::before { content: ""; }
.noteref { font-size: .75em; vertical-align: super; line-height: 0; text-decoration: none;
  padding: 0 .1em; }
.noteref.editorial { font-style: italic; }
section.notes { border-top: 1px solid #ccc; margin-top: 2rem; font-size: .95rem; }
ol.notes { list-style: none; padding: 0; }
li.note, div.note { display: grid; grid-template-columns: 2.5rem 1fr; margin: .6rem 0; }
.note-label { font-weight: 600; }
.note-kind { grid-column: 2; font: .75rem system-ui, sans-serif; text-transform: uppercase;
  letter-spacing: .05em; color: #1a4a7a; }
.note-body, .note > p, .backlink { grid-column: 2; }
.note-body p { margin: 0 0 .4rem; }
.note.editorial { background: var(--ed); border-left: 3px solid #1a4a7a; padding: .3rem .5rem; }
.note.authorial { border-left: 3px solid transparent; padding: .3rem .5rem; }
.note:target { outline: 2px solid var(--accent); }
aside.unanchored { font-size: .95rem; margin-bottom: 1rem; }
.uncertain { color: var(--muted); }
.parallel { display: grid; grid-template-columns: 1fr 1fr; gap: 0 2rem; }
main.wide { max-width: 80rem; padding-left: 1rem; }
.parallel .row { display: contents; }
.parallel .cell { border-top: 1px solid #e3e0d8; padding-top: .4rem; }
@media (max-width: 40rem) { main { padding-left: 1rem; } .pb-n { position: static; } }
  </xsl:variable>

</xsl:stylesheet>
