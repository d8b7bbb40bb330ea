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

  <!-- The document's own title: the main one, or the analytic (level="a") one, or one that is
       neither a series', a monograph's or a journal's title nor a variant (sub, short, a
       date); the first title when none is. -->
  <xsl:function name="tp:title" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="titles" select="$tei/teiHeader/fileDesc/titleStmt/title"/>
    <xsl:variable name="own" select="$titles[not(@level = ('s', 'm', 'j', 'u'))]
        [not(@type) or @type = 'main']"/>
    <xsl:sequence select="normalize-space(($titles[@type = 'main'], $titles[@level = 'a'], $own,
                                           $titles)[normalize-space()][1])"/>
  </xsl:function>

  <xsl:function name="tp:identifier" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="string($tei/teiHeader/fileDesc/publicationStmt/idno[@type = 'teipipe'])"/>
  </xsl:function>

  <!-- Several values (the resp of one respStmt) are joined with a comma. -->
  <xsl:function name="tp:capitalise" as="xs:string">
    <xsl:param name="text" as="xs:string*"/>
    <xsl:variable name="t" select="normalize-space(string-join($text ! normalize-space(.)[.], ', '))"/>
    <xsl:sequence select="upper-case(substring($t, 1, 1)) || substring($t, 2)"/>
  </xsl:function>

  <!-- Languages. The language of a text: its own xml:lang, or the one its langUsage says is
       most used (the first when none says), or, when the document declares none, the language
       whose commonest short words its text uses most, if they are at least 4% of its words
       ('und' when none is). -->
  <xsl:variable name="tp:labels" select="doc('labels.xml')/Q{}labels"/>

  <xsl:function name="tp:language" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="usage" select="$tei/teiHeader/profileDesc/langUsage/language[@ident]"/>
    <xsl:variable name="most" select="$usage[@usage castable as xs:decimal]
        [xs:decimal(@usage) = max($usage/@usage[. castable as xs:decimal] ! xs:decimal(.))]"/>
    <xsl:variable name="declared" select="($tei/@xml:lang, $tei/text/@xml:lang,
        $tei/text/body/@xml:lang, $most/@ident, $usage/@ident)[normalize-space()][1]"/>
    <xsl:sequence select="if ($declared) then string($declared) else tp:guess-language($tei/text)"/>
  </xsl:function>

  <xsl:variable name="tp:common-words" as="map(xs:string, xs:string*)" select="map {
      'en': ('the', 'of', 'and', 'to', 'is', 'that', 'it', 'was', 'you', 'with', 'which'),
      'fr': ('le', 'la', 'les', 'des', 'et', 'que', 'est', 'une', 'pas', 'vous', 'nous', 'qui', 'dans'),
      'de': ('der', 'die', 'das', 'und', 'ist', 'nicht', 'ich', 'sie', 'wir', 'mit', 'ein', 'zu'),
      'it': ('il', 'che', 'di', 'della', 'non', 'per', 'una', 'sono', 'gli', 'ho', 'mi'),
      'es': ('el', 'los', 'las', 'y', 'que', 'del', 'por', 'una', 'con', 'para', 'mi', 'su') }"/>

  <xsl:function name="tp:guess-language" as="xs:string">
    <xsl:param name="text" as="element()*"/>
    <xsl:variable name="words" select="tokenize(lower-case(string-join($text//text(), ' ')), '\W+')"/>
    <xsl:variable name="scores" as="map(xs:string, xs:integer)" select="map:merge(
        for $l in map:keys($tp:common-words) return map:entry($l, count($words[. = $tp:common-words($l)])))"
        xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:variable name="best" select="max(map:keys($scores) ! $scores(.))"
        xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <!-- A language whose common words make up less than 4% of the text is no guess. -->
    <xsl:sequence select="if ($best ge 3 and $best ge 0.04 * count($words[.]))
        then sort(map:keys($scores)[$scores(.) = $best])[1] else 'und'"
        xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>

  <!-- The interface language of a language tag: its primary subtag if labels.xml has it. -->
  <xsl:function name="tp:interface" as="xs:string">
    <xsl:param name="language" as="xs:string"/>
    <xsl:variable name="primary" select="lower-case(tokenize($language, '[-_]')[1])"/>
    <xsl:sequence select="if ($tp:labels/Q{}language[@ident = $primary]) then $primary else 'en'"/>
  </xsl:function>

  <!-- The page's language and its interface language, from the document transformed. -->
  <xsl:variable name="tp:lang" as="xs:string" select="(/*:TEI ! tp:language(.), 'en')[1]"/>
  <xsl:variable name="tp:ui" as="xs:string" select="tp:interface($tp:lang)"/>

  <!-- One interface label in the page's interface language ({1}, {2} filled from $args). -->
  <xsl:function name="tp:label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="tp:label($key, ())"/>
  </xsl:function>

  <xsl:function name="tp:label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="args" as="xs:string*"/>
    <xsl:variable name="text" select="string(($tp:labels/Q{}language[@ident = $tp:ui]/Q{}label[@key = $key],
        $tp:labels/Q{}language[@ident = 'en']/Q{}label[@key = $key], $key)[1])"/>
    <xsl:sequence select="fold-left(1 to count($args), $text,
        function($t, $i) { replace($t, '\{' || $i || '\}', replace($args[$i], '\$', '\\\$')) })"/>
  </xsl:function>

  <!-- A date attribute value written out in the page's language: 1936-07-30 → 30 July 1936,
       30 juillet 1936, 30. Juli 1936; 1939-02 → February 1939; other values as they are. -->
  <xsl:function name="tp:iso-date" as="xs:string">
    <xsl:param name="value" as="xs:string"/>
    <xsl:variable name="language" select="$tp:labels/Q{}language[@ident = $tp:ui]"/>
    <xsl:variable name="months" select="tokenize($language/Q{}months)"/>
    <xsl:choose>
      <xsl:when test="$value castable as xs:date">
        <xsl:variable name="date" select="xs:date($value)"/>
        <xsl:variable name="day" select="if (day-from-date($date) = 1 and $language/Q{}date/@first)
            then string($language/Q{}date/@first) else string(day-from-date($date))"/>
        <xsl:sequence select="tp:fill($language/Q{}date/@full, $day,
            $months[month-from-date($date)], string(year-from-date($date)))"/>
      </xsl:when>
      <xsl:when test="$value castable as xs:gYearMonth">
        <xsl:variable name="date" select="xs:date($value || '-01')"/>
        <xsl:sequence select="tp:fill($language/Q{}date/@month, '',
            $months[month-from-date($date)], string(year-from-date($date)))"/>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$value"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="tp:fill" as="xs:string">
    <xsl:param name="form" as="xs:string"/>
    <xsl:param name="day" as="xs:string"/>
    <xsl:param name="month" as="xs:string"/>
    <xsl:param name="year" as="xs:string"/>
    <xsl:sequence select="$form => replace('\{d\}', $day) => replace('\{m\}', $month)
                                => replace('\{y\}', $year)"/>
  </xsl:function>

  <!-- A TEI date in words: @when (or @when-iso), a range (@notBefore/@notAfter, @from/@to),
       one bound, or the element's text. -->
  <xsl:function name="tp:date" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="when" select="($date/@when, $date/@when-iso)[1]"/>
    <xsl:variable name="start" select="($date/@notBefore, $date/@from, $date/@notBefore-iso, $date/@from-iso)[1]"/>
    <xsl:variable name="end" select="($date/@notAfter, $date/@to, $date/@notAfter-iso, $date/@to-iso)[1]"/>
    <xsl:choose>
      <xsl:when test="$when"><xsl:sequence select="tp:iso-date($when)"/></xsl:when>
      <xsl:when test="$start and $end">
        <xsl:sequence select="tp:label('between', (tp:iso-date($start), tp:iso-date($end)))"/>
      </xsl:when>
      <xsl:when test="$start"><xsl:sequence select="tp:label('after', tp:iso-date($start))"/></xsl:when>
      <xsl:when test="$end"><xsl:sequence select="tp:label('before', tp:iso-date($end))"/></xsl:when>
      <xsl:otherwise><xsl:sequence select="normalize-space($date)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The machine-readable value of a date (for <time datetime>), when it has a valid one. -->
  <xsl:function name="tp:datetime" as="xs:string?">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="($date/(@when, @when-iso, @notBefore, @from, @notAfter, @to)
        [. castable as xs:date or . castable as xs:gYearMonth or . castable as xs:gYear])[1] ! string(.)"/>
  </xsl:function>

  <!-- A visible question mark, explained in its title, for what the editors are unsure of. -->
  <xsl:function name="tp:uncertain" as="element()?">
    <xsl:param name="node" as="element()"/>
    <xsl:if test="$node/@cert = ('low', 'medium')">
      <span xmlns="" class="uncertain"
            title="{string-join((tp:label('certainty') || ': ' || $node/@cert, $node/@evidence ! (tp:label('evidence') || ': ' || .)), '; ')}"> (?)</span>
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
    <xsl:variable name="source" select="($choice/orig, $choice/sic, $choice/abbr)[1]"/>
    <xsl:variable name="text" select="string-join($source//text() ! (if (following-sibling::*[1][self::lb]) then . || '|' else .))"/>
    <xsl:variable name="edited" select="($choice/corr, $choice/reg)[1]"/>
    <xsl:variable name="who" select="for $r in tokenize($edited/@resp) return
        normalize-space((key('tp:id', substring($r, 2), root($choice))/(name, persName, orgName))[1])"/>
    <xsl:variable name="ocr" select="$edited/@type = 'ocr'"/>
    <xsl:sequence select="string-join((
        tp:label(if ($choice/sic) then 'as-printed' else if ($ocr) then 'as-digitised'
                 else 'in-source') || ': ' || normalize-space($text),
        tp:label(if ($choice/sic) then 'corrected' else if ($ocr) then 'ocr-repaired'
                 else 'regularised')
          || (if (exists($who[.])) then ' ' || tp:label('by') || ' ' || string-join($who[.], ', ') else '')
          || ($edited/@cert ! (', ' || tp:label('certainty') || ' ' || .))), '; ')"/>
  </xsl:function>

  <!-- Notes. -->
  <xsl:function name="tp:listed-apart" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/ancestor::div[@type = 'notes']) or $note/@anchored = 'false'"/>
  </xsl:function>

  <!-- What ids of one text start with: nothing on its own page; the side-by-side page, which
       holds two texts, gives each its own. -->
  <xsl:function name="tp:prefix" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="''"/>
  </xsl:function>

  <xsl:function name="tp:note-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <!-- Notes before it, and the notes it lies in (a note inside a note counts after them). -->
    <xsl:sequence select="string(($note/@xml:id,
        'note' || count($note/(preceding::note | ancestor::note)) + 1)[1])"/>
  </xsl:function>

  <xsl:function name="tp:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="string(($note/@n, count($note/(preceding::note | ancestor::note)
        [not(@anchored = 'false')]) + 1)[1])"/>
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
.parallel article.column { position: relative; padding-left: 4.5rem; }
time, .date-value { white-space: nowrap; }
.as-block { display: block; }
span.li { display: list-item; margin-left: 1.5rem; }
span.table { display: table; } span.tr { display: table-row; }
span.td, span.th { display: table-cell; padding: 0 .5rem; }
span.caption { display: table-caption; }
table.tei { border-collapse: collapse; margin: 1rem 0; }
table.tei td, table.tei th { border: 1px solid #ccc; padding: .2rem .5rem; vertical-align: top; }
figure { margin: 1rem 0; } figcaption { font-size: .9rem; color: var(--muted); }
.l { display: block; } .lg { margin: 1rem 0 1rem 2rem; }
.hi.italic, .hi.i, .hi.it { font-style: italic; }
.hi.bold, .hi.b { font-weight: bold; }
.hi.underline, .hi.u { text-decoration: underline; }
.hi.strikethrough, .hi.line-through { text-decoration: line-through; }
.hi.superscript, .hi.sup, .hi.super { vertical-align: super; font-size: .8em; }
.hi.subscript, .hi.sub { vertical-align: sub; font-size: .8em; }
.hi.smallcaps, .hi.small-caps, .hi.sc { font-variant: small-caps; }
.hi.spaced, .hi.letterspace, .hi.spacing { letter-spacing: .15em; }
.gap, .unclear, .supplied { color: var(--muted); }
.app { border-bottom: 1px dotted var(--accent); cursor: help; }
@media (max-width: 40rem) { main { padding-left: 1rem; } .pb-n { position: static; }
  .parallel article.column { padding-left: 0; } }
  </xsl:variable>

</xsl:stylesheet>
