<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name />
    <message>
        <location filename="../../app/ui/commands.py" line="97" />
        <source>Code as “%s”</source>
        <translation>Codieren mit „%s“</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="122" />
        <source>Remove coding</source>
        <translation>Codierung entfernen</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="122" />
        <source>Remove codings</source>
        <translation>Codierungen entfernen</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="142" />
        <source>Change coding</source>
        <translation>Codierung ändern</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="159" />
        <source>New code “%s”</source>
        <translation>Neuer Code „%s“</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="176" />
        <source>Rename code “%s”</source>
        <translation>Code „%s“ umbenennen</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="195" />
        <source>Recolour code “%s”</source>
        <translation>Farbe von „%s“ ändern</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="195" />
        <source>Edit code “%s”</source>
        <translation>Code „%s“ bearbeiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="215" />
        <source>Move code “%s”</source>
        <translation>Code „%s“ verschieben</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="261" />
        <source>Delete code “%s”</source>
        <translation>Code „%s“ löschen</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="274" />
        <source>Merge “%s” into “%s”</source>
        <translation>„%s“ mit „%s“ zusammenführen</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="326" />
        <source>Import documents</source>
        <translation>Dokumente importieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="345" />
        <source>Rename speaker “%s”</source>
        <translation>Sprecher:in „%s“ umbenennen</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="359" />
        <source>Set %s of “%s”</source>
        <translation>%s von „%s“ setzen</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="377" />
        <source>Edit memo</source>
        <translation>Memo bearbeiten</translation>
    </message>
</context>
<context>
    <name>CodeEditor</name>
    <message>
        <location filename="../../app/ui/code_panel.py" line="43" />
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="44" />
        <source>Anchor example</source>
        <translation>Ankerbeispiel</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="45" />
        <source>Coding rule</source>
        <translation>Codierregel</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="46" />
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="53" />
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="99" />
        <source>Edit code “%1”</source>
        <translation>Code „%1“ bearbeiten</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <location filename="../../app/ui/code_panel.py" line="122" />
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="123" />
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="124" />
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="125" />
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="126" />
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="178" />
        <source>Name of the new code (Parent/Child for a sub-code):</source>
        <translation>Name des neuen Codes (Obercode/Subcode für einen Subcode):</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="180" />
        <source>New code</source>
        <translation>Neuer Code</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="205" />
        <source>Colour of “%1”</source>
        <translation>Farbe von „%1“</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="220" />
        <source>Merge codes</source>
        <translation>Codes zusammenführen</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="221" />
        <source>Merge “%1” and its codings into:</source>
        <translation>„%1“ mit seinen Codierungen zusammenführen in:</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="237" />
        <location filename="../../app/ui/code_panel.py" line="245" />
        <source>Delete codes</source>
        <translation>Codes löschen</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="238" />
        <source>Delete %1 with its sub-codes and %2 coding(s)? You can undo this.</source>
        <translation>%1 mit Subcodes und %2 Codierung(en) löschen? Das lässt sich rückgängig machen.</translation>
    </message>
</context>
<context>
    <name>CodeTreeModel</name>
    <message>
        <location filename="../../app/ui/code_tree.py" line="29" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_tree.py" line="29" />
        <source>Codings</source>
        <translation>Codierungen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/code_tree.py" line="73" />
        <source>%n coding(s)</source>
        <translation><numerusform>%n Codierung</numerusform><numerusform>%n Codierungen</numerusform></translation>
    </message>
</context>
<context>
    <name>CodingActions</name>
    <message>
        <location filename="../../app/ui/coding.py" line="41" />
        <source>&amp;Code selection with current code</source>
        <translation>Auswahl mit aktuellem &amp;Code codieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="42" />
        <source>Code the whole &amp;turn</source>
        <translation>Ganzen &amp;Redebeitrag codieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="43" />
        <source>Code &amp;in vivo (new code from selection)</source>
        <translation>&amp;In-vivo codieren (neuer Code aus der Auswahl)</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="44" />
        <source>&amp;Remove codings at cursor</source>
        <translation>Codierungen an der Einfügemarke &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="70" />
        <source>(no recent code)</source>
        <translation>(kein zuletzt benutzter Code)</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="80" />
        <location filename="../../app/ui/coding.py" line="136" />
        <location filename="../../app/ui/coding.py" line="183" />
        <source>Select a passage in the transcript first.</source>
        <translation>Bitte zuerst eine Textstelle im Transkript markieren.</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="86" />
        <source>This passage has this code already.</source>
        <translation>Diese Textstelle hat diesen Code schon.</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="92" />
        <location filename="../../app/ui/coding.py" line="121" />
        <source>Choose a code in the code tree first.</source>
        <translation>Bitte zuerst einen Code im Codesystem wählen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="126" />
        <source>The cursor is not in a speaker's turn.</source>
        <translation>Die Einfügemarke steht in keinem Redebeitrag.</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="141" />
        <source>Code in vivo “%1”</source>
        <translation>In-vivo codieren „%1“</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="156" />
        <source>There is no coding here.</source>
        <translation>Hier ist keine Codierung.</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="164" />
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="164" />
        <source>Memo for this coding:</source>
        <translation>Memo zu dieser Codierung:</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="172" />
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="172" />
        <source>Weight (0–100):</source>
        <translation>Gewicht (0–100):</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="195" />
        <source>&amp;Code selection with “%1”</source>
        <translation>Auswahl mit „%1“ &amp;codieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="199" />
        <source>Code with a recent code</source>
        <translation>Mit zuletzt benutztem Code codieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="207" />
        <source>Coding “%1”</source>
        <translation>Codierung „%1“</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="208" />
        <source>Memo…</source>
        <translation>Memo …</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="209" />
        <source>Weight…</source>
        <translation>Gewicht …</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="212" />
        <source>Set to the selected passage</source>
        <translation>Auf die markierte Textstelle setzen</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="215" />
        <source>Re-assign to “%1”</source>
        <translation>„%1“ zuordnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="217" />
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>DocumentModel</name>
    <message>
        <location filename="../../app/ui/documents.py" line="19" />
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents.py" line="19" />
        <source>Codings</source>
        <translation>Codierungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents.py" line="62" />
        <source>%1: %2 characters, %3 codings, %4 speakers</source>
        <translation>%1: %2 Zeichen, %3 Codierungen, %4 Sprecher:innen</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents.py" line="64" />
        <source>%1: %2 turns in this document</source>
        <translation>%1: %2 Redebeiträge in diesem Dokument</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../app/ui/find_bar.py" line="17" />
        <source>Find in document</source>
        <translation>Im Dokument suchen</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="19" />
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="23" />
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="25" />
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="27" />
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="55" />
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../app/ui/import_documents.py" line="49" />
        <location filename="../../app/ui/import_documents.py" line="80" />
        <source>Import documents</source>
        <translation>Dokumente importieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_documents.py" line="52" />
        <source>Document / speaker</source>
        <translation>Dokument / Sprecher:in</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_documents.py" line="52" />
        <source>Turns</source>
        <translation>Redebeiträge</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_documents.py" line="59" />
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_documents.py" line="63" />
        <source>These documents and speakers were found. Import them?</source>
        <translation>Diese Dokumente und Sprecher:innen wurden gefunden. Importieren?</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_documents.py" line="66" />
        <source>Not readable:</source>
        <translation>Nicht lesbar:</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_documents.py" line="83" />
        <source>Reading documents…</source>
        <translation>Dokumente werden gelesen …</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_documents.py" line="83" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="84" />
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="85" />
        <source>Speakers</source>
        <translation>Sprecher:innen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="87" />
        <source>Codes</source>
        <translation>Codesystem</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="143" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="144" />
        <source>&amp;Open project…</source>
        <translation>Projekt ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="145" />
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="147" />
        <source>&amp;Import documents…</source>
        <translation>Dokumente &amp;importieren …</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="150" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="152" />
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="153" />
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="155" />
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="160" />
        <source>&amp;Find in document</source>
        <translation>Im Dokument &amp;suchen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="161" />
        <source>Find &amp;next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="163" />
        <source>&amp;Coding</source>
        <translation>&amp;Codieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="167" />
        <source>Code with &amp;recent code</source>
        <translation>Mit &amp;zuletzt benutztem Code codieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="175" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="177" />
        <source>&amp;Documents and codes</source>
        <translation>&amp;Dokumente und Codes</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="178" />
        <source>Retrieved &amp;segments</source>
        <translation>Liste der codierten &amp;Segmente</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="179" />
        <source>Code &amp;definitions</source>
        <translation>Code-&amp;Definitionen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="185" />
        <source>&amp;Language (after restart)</source>
        <translation>&amp;Sprache (nach Neustart)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="187" />
        <source>&amp;Larger text</source>
        <translation>Text &amp;größer</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="188" />
        <source>&amp;Smaller text</source>
        <translation>Text &amp;kleiner</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="193" />
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="202" />
        <source>The language changes when FocusCoder starts next time.</source>
        <translation>Die Sprache wechselt beim nächsten Start von FocusCoder.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="214" />
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="219" />
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="219" />
        <source>FocusCoder projects (*.fcproj)</source>
        <translation>FocusCoder-Projekte (*.fcproj)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="331" />
        <source>&lt;i&gt;Choose a document on the left to read and code it.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Links ein Dokument wählen, um es zu lesen und zu codieren.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="336" />
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 turns, %3 speakers, %4 codings</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 Redebeiträge, %3 Sprecher:innen, %4 Codierungen</translation>
    </message>
</context>
<context>
    <name>SegmentModel</name>
    <message>
        <location filename="../../app/ui/segments.py" line="26" />
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="27" />
        <source>Speaker</source>
        <translation>Sprecher:in</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="28" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="29" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="30" />
        <source>Coder</source>
        <translation>Codierer:in</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="31" />
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
</context>
<context>
    <name>SegmentPanel</name>
    <message>
        <location filename="../../app/ui/segments.py" line="112" />
        <source>&lt;b&gt;Retrieved segments&lt;/b&gt;</source>
        <translation>&lt;b&gt;Codierte Segmente&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="117" />
        <source>Document:</source>
        <translation>Dokument:</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="119" />
        <source>Speaker:</source>
        <translation>Sprecher:in:</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="135" />
        <source>All documents</source>
        <translation>Alle Dokumente</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="136" />
        <source>All speakers</source>
        <translation>Alle Sprecher:innen</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="164" />
        <source>Select codes to see their segments.</source>
        <translation>Codes wählen, um ihre Segmente zu sehen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="175" />
        <source>%1 segment(s) in %2 document(s)</source>
        <translation>%1 Segment(e) in %2 Dokument(en)</translation>
    </message>
</context>
<context>
    <name>SpeakerModel</name>
    <message>
        <location filename="../../app/ui/speakers.py" line="50" />
        <source>Speaker</source>
        <translation>Sprecher:in</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="50" />
        <source>Turns</source>
        <translation>Redebeiträge</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="50" />
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
</context>
<context>
    <name>SpeakerPanel</name>
    <message>
        <location filename="../../app/ui/speakers.py" line="114" />
        <source>Merge into…</source>
        <translation>Zusammenführen mit …</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="116" />
        <source>New attribute…</source>
        <translation>Neues Merkmal …</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="141" />
        <location filename="../../app/ui/speakers.py" line="145" />
        <source>New attribute</source>
        <translation>Neues Merkmal</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="141" />
        <source>Attribute (e.g. Institution):</source>
        <translation>Merkmal (z. B. Institution):</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="145" />
        <source>Value for %1:</source>
        <translation>Wert für %1:</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="157" />
        <location filename="../../app/ui/speakers.py" line="161" />
        <source>Merge speakers</source>
        <translation>Sprecher:innen zusammenführen</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="157" />
        <source>Merge “%1” into:</source>
        <translation>„%1“ zusammenführen mit:</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="162" />
        <source>Merge “%1” into “%2”? Their turns become one speaker's. This cannot be undone.</source>
        <translation>„%1“ mit „%2“ zusammenführen? Die Redebeiträge gehören dann einer Person. Das lässt sich nicht rückgängig machen.</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <location filename="../../app/ui/transcript_view.py" line="313" />
        <source>&lt;b&gt;%1&lt;/b&gt; — coded by %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — codiert von %2</translation>
    </message>
</context>
</TS>