<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name />
    <message>
        <location filename="../../app/ui/commands.py" line="99" />
        <source>Code as “%s”</source>
        <translation>Codieren mit „%s“</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="124" />
        <source>Remove coding</source>
        <translation>Codierung entfernen</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="124" />
        <source>Remove codings</source>
        <translation>Codierungen entfernen</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="144" />
        <source>Change coding</source>
        <translation>Codierung ändern</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="161" />
        <source>New code “%s”</source>
        <translation>Neuer Code „%s“</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="178" />
        <source>Rename code “%s”</source>
        <translation>Code „%s“ umbenennen</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="201" />
        <source>Recolour code “%s”</source>
        <translation>Farbe von „%s“ ändern</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="201" />
        <source>Edit code “%s”</source>
        <translation>Code „%s“ bearbeiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="222" />
        <source>Move code “%s”</source>
        <translation>Code „%s“ verschieben</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="271" />
        <source>Delete code “%s”</source>
        <translation>Code „%s“ löschen</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="284" />
        <source>Merge “%s” into “%s”</source>
        <translation>„%s“ mit „%s“ zusammenführen</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="339" />
        <source>Import documents</source>
        <translation>Dokumente importieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="358" />
        <source>Rename document “%s”</source>
        <translation>Dokument „%s“ umbenennen</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="374" />
        <source>Delete document “%s”</source>
        <translation>Dokument „%s“ löschen</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="392" />
        <source>Rename speaker “%s”</source>
        <translation>Sprecher:in „%s“ umbenennen</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="406" />
        <source>Merge speaker “%s” into “%s”</source>
        <translation>Sprecher:in „%s“ mit „%s“ zusammenführen</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="424" />
        <source>Set %s of “%s”</source>
        <translation>%s von „%s“ setzen</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="442" />
        <source>Edit memo</source>
        <translation>Memo bearbeiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/commands.py" line="464" />
        <source>Edit project memo</source>
        <translation>Projektmemo bearbeiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/autocode.py" line="36" />
        <source>Auto-code as “%s”</source>
        <translation>Automatisch codieren mit „%s“</translation>
    </message>
    <message>
        <location filename="../../app/ui/stop_words.py" line="34" />
        <source>Edit the stop list (%s)</source>
        <translation>Stoppwortliste bearbeiten (%s)</translation>
    </message>
    <message>
        <location filename="../../app/ui/table_export.py" line="29" />
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="75" />
        <source>Bring back the backup from %1?

%2 will be closed and replaced by it; the project as it is now is kept as a backup, so this can be undone by restoring that one.</source>
        <translation>Die Sicherungskopie vom %1 wiederherstellen?

%2 wird geschlossen und durch sie ersetzt; das Projekt, wie es jetzt ist, wird als Sicherungskopie aufbewahrt. Wer diese wiederherstellt, macht den Schritt also rückgängig.</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="95" />
        <source>There are no backups of %1 yet; one is made each time the project is opened after a change.</source>
        <translation>Von %1 gibt es noch keine Sicherungskopien; eine wird jedes Mal angelegt, wenn das Projekt nach einer Änderung geöffnet wird.</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="113" />
        <source>The project could not be opened again: %1</source>
        <translation>Das Projekt konnte nicht wieder geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_project.py" line="31" />
        <source>the owner</source>
        <translation>Eigentümer/in</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_project.py" line="31" />
        <source>an editor</source>
        <translation>Bearbeiter/in</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_project.py" line="31" />
        <source>a coder</source>
        <translation>Codierer/in</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_project.py" line="32" />
        <source>a reader (read-only)</source>
        <translation>Leser/in (nur lesen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_project.py" line="45" />
        <source>%1 is open in FocusCoder by %2.

That FocusCoder is no longer running (it may have crashed, or its computer lost the connection). You can open the project read-only, or take it over and work on it here.</source>
        <translation>%1 ist in FocusCoder bei %2 geöffnet.

Dieses FocusCoder läuft nicht mehr (es ist vielleicht abgestürzt, oder der Computer hat die Verbindung verloren). Sie können das Projekt schreibgeschützt öffnen oder es übernehmen und hier daran arbeiten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_project.py" line="50" />
        <source>%1 is open in FocusCoder by %2.

Two people changing a project at once would lose work. You can open it read-only to look at it, or ask them to close it and try again.</source>
        <translation>%1 ist in FocusCoder bei %2 geöffnet.

Wenn zwei Personen ein Projekt gleichzeitig ändern, geht Arbeit verloren. Sie können es schreibgeschützt öffnen, um es anzusehen, oder darum bitten, es zu schließen, und es dann erneut versuchen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_project.py" line="59" />
        <source>Open &amp;read-only</source>
        <translation>&amp;Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_project.py" line="61" />
        <source>&amp;Take over</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_project.py" line="78" />
        <source>The password was not accepted. Password for %1:</source>
        <translation>Das Passwort wurde nicht angenommen. Passwort für %1:</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_project.py" line="78" />
        <source>Password for %1:</source>
        <translation>Passwort für %1:</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_project.py" line="131" />
        <source>Team project %1: you are %2; colleagues' changes appear as they are made.</source>
        <translation>Teamprojekt %1: Sie sind %2; Änderungen aus dem Team erscheinen sofort.</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_project.py" line="134" />
        <source>%1 is open read-only: changes cannot be saved.</source>
        <translation>%1 ist schreibgeschützt geöffnet: Änderungen können nicht gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_project.py" line="136" />
        <source>The project is open, but no backup copy was made: %1</source>
        <translation>Das Projekt ist geöffnet, aber es wurde keine Sicherungskopie angelegt: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/coder_choice.py" line="37" />
        <source>Who is coding? Please type your name: every coding you make records it, so that colleagues' coding stays apart and can be compared.</source>
        <translation>Wer codiert? Bitte geben Sie Ihren Namen ein: Jede Codierung hält ihn fest, damit die Codierungen von Kolleg:innen getrennt bleiben und verglichen werden können.</translation>
    </message>
    <message>
        <location filename="../../app/ui/coder_choice.py" line="41" />
        <source>Current coder</source>
        <translation>Aktuelle:r Codierer:in</translation>
    </message>
    <message>
        <location filename="../../app/ui/coder_choice.py" line="34" />
        <source>Who is coding? Every coding you make records this name.</source>
        <translation>Wer codiert? Jede Codierung, die Sie anlegen, hält diesen Namen fest.</translation>
    </message>
    <message>
        <location filename="../../app/ui/text_commands.py" line="21" />
        <source>Keywords of “%s”</source>
        <translation>Suchbegriffe von „%s“</translation>
    </message>
    <message>
        <location filename="../../app/ui/text_commands.py" line="37" />
        <source>Language of “%s”</source>
        <translation>Sprache von „%s“</translation>
    </message>
    <message>
        <location filename="../../app/ui/vote_commands.py" line="26" />
        <source>Points of “%s”</source>
        <translation>Punkte von „%s“</translation>
    </message>
    <message>
        <location filename="../../app/ui/vote_commands.py" line="39" />
        <source>Measures under “%s”</source>
        <translation>Maßnahmen unter „%s“</translation>
    </message>
    <message>
        <location filename="../../app/ui/vote_commands.py" line="52" />
        <source>Participant “%s”</source>
        <translation>Teilnehmend: „%s“</translation>
    </message>
    <message>
        <location filename="../../app/ui/vote_commands.py" line="65" />
        <source>Study details</source>
        <translation>Angaben zur Studie</translation>
    </message>
    <message>
        <location filename="../../app/ui/vote_commands.py" line="82" />
        <source>Import cards under “%s”</source>
        <translation>Karten unter „%s“ importieren</translation>
    </message>
</context>
<context>
    <name>ApplicationContext</name>
    <message>
        <location filename="../../app/ui/context.py" line="111" />
        <source>Your role in this team project lets you read it, not change it.</source>
        <translation>Ihre Rolle in diesem Teamprojekt erlaubt Lesen, aber keine Änderungen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/context.py" line="115" />
        <source>This project is open read-only, so it cannot be changed. To make changes, close it in the other FocusCoder and open it again here.</source>
        <translation>Dieses Projekt ist schreibgeschützt geöffnet und kann nicht geändert werden. Um etwas zu ändern, schließen Sie es im anderen FocusCoder und öffnen Sie es hier erneut.</translation>
    </message>
    <message>
        <location filename="../../app/ui/context.py" line="124" />
        <source>%1 A colleague may have changed it meanwhile; the view now shows the project as it is.</source>
        <translation>%1 Vermutlich hat es jemand aus dem Team inzwischen geändert; die Ansicht zeigt jetzt den aktuellen Stand.</translation>
    </message>
</context>
<context>
    <name>AutocodePreview</name>
    <message>
        <location filename="../../app/ui/autocode.py" line="66" />
        <source>Auto-code with “%1”</source>
        <translation>Automatisch codieren mit „%1“</translation>
    </message>
    <message>
        <location filename="../../app/ui/autocode.py" line="72" />
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/autocode.py" line="72" />
        <source>Speaker</source>
        <translation>Sprecher:in</translation>
    </message>
    <message>
        <location filename="../../app/ui/autocode.py" line="72" />
        <source>Passage</source>
        <translation>Textstelle</translation>
    </message>
    <message>
        <location filename="../../app/ui/autocode.py" line="79" />
        <source>(coded already) </source>
        <translation>(schon codiert) </translation>
    </message>
    <message>
        <location filename="../../app/ui/autocode.py" line="91" />
        <source>Unit: %1. Nothing is written before you choose “Code”.</source>
        <translation>Einheit: %1. Gespeichert wird erst mit „Codieren“.</translation>
    </message>
    <message>
        <location filename="../../app/ui/autocode.py" line="95" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../app/ui/autocode.py" line="112" />
        <source>%1 passage(s) will be coded</source>
        <translation>%1 Textstelle(n) werden codiert</translation>
    </message>
    <message>
        <location filename="../../app/ui/autocode.py" line="114" />
        <source>; %1 have the code already</source>
        <translation>; %1 haben den Code schon</translation>
    </message>
</context>
<context>
    <name>BackgroundIndexer</name>
    <message>
        <location filename="../../app/ui/indexing.py" line="67" />
        <source>The language index was not built (%1); a search builds it.</source>
        <translation>Der Sprachindex wurde nicht erstellt (%1); eine Suche erstellt ihn.</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="40" />
        <source>Restore a backup</source>
        <translation>Sicherungskopie wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="43" />
        <source>Backups of %1, newest first. The project as it is now is kept as a backup too.</source>
        <translation>Sicherungskopien von %1, die neueste zuerst. Das Projekt, wie es jetzt ist, wird ebenfalls als Sicherungskopie aufbewahrt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="57" />
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen …</translation>
    </message>
</context>
<context>
    <name>CodeEditor</name>
    <message>
        <location filename="../../app/ui/code_panel.py" line="67" />
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="67" />
        <source>Anchor example</source>
        <translation>Ankerbeispiel</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="68" />
        <source>Coding rule</source>
        <translation>Codierregel</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="68" />
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="76" />
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="128" />
        <source>%1

——— Your text, not saved yet ———
%2</source>
        <translation>%1

——— Ihr Text, noch nicht gespeichert ———
%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="149" />
        <source>Edit code “%1”</source>
        <translation>Code „%1“ bearbeiten</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <location filename="../../app/ui/code_panel.py" line="208" />
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="209" />
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="210" />
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="211" />
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="212" />
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="266" />
        <source>Name of the new code (Parent/Child for a sub-code):</source>
        <translation>Name des neuen Codes (Obercode/Subcode für einen Subcode):</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="268" />
        <source>New code</source>
        <translation>Neuer Code</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="293" />
        <source>Colour of “%1”</source>
        <translation>Farbe von „%1“</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="308" />
        <source>Merge codes</source>
        <translation>Codes zusammenführen</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="309" />
        <source>Merge “%1” and its codings into:</source>
        <translation>„%1“ mit seinen Codierungen zusammenführen in:</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="325" />
        <location filename="../../app/ui/code_panel.py" line="333" />
        <source>Delete codes</source>
        <translation>Codes löschen</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="326" />
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
    <name>CoderFilter</name>
    <message>
        <location filename="../../app/ui/coder_filter.py" line="37" />
        <source>Show &amp;coders</source>
        <translation>&amp;Codierende anzeigen</translation>
    </message>
    <message>
        <location filename="../../app/ui/coder_filter.py" line="48" />
        <source>%1 (%2 codings)</source>
        <translation>%1 (%2 Codierungen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/coder_filter.py" line="54" />
        <source>(no coders yet)</source>
        <translation>(noch keine Codierenden)</translation>
    </message>
    <message>
        <location filename="../../app/ui/coder_filter.py" line="57" />
        <source>Show &amp;all coders</source>
        <translation>&amp;Alle Codierenden anzeigen</translation>
    </message>
</context>
<context>
    <name>CodingActions</name>
    <message>
        <location filename="../../app/ui/coding.py" line="67" />
        <source>&amp;Code selection with current code</source>
        <translation>Auswahl mit aktuellem &amp;Code codieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="68" />
        <source>Code the whole &amp;turn</source>
        <translation>Ganzen &amp;Redebeitrag codieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="69" />
        <source>Code the &amp;sentence</source>
        <translation>&amp;Satz codieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="70" />
        <source>Code &amp;in vivo (new code from selection)</source>
        <translation>&amp;In-vivo codieren (neuer Code aus der Auswahl)</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="71" />
        <source>&amp;Remove codings at cursor</source>
        <translation>Codierungen an der Einfügemarke &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="82" />
        <source>(no recent code)</source>
        <translation>(kein zuletzt benutzter Code)</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="92" />
        <location filename="../../app/ui/coding.py" line="180" />
        <location filename="../../app/ui/coding.py" line="227" />
        <source>Select a passage in the transcript first.</source>
        <translation>Bitte zuerst eine Textstelle im Transkript markieren.</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="98" />
        <source>This passage has this code already.</source>
        <translation>Diese Textstelle hat diesen Code schon.</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="104" />
        <location filename="../../app/ui/coding.py" line="135" />
        <location filename="../../app/ui/coding.py" line="165" />
        <source>Choose a code in the code tree first.</source>
        <translation>Bitte zuerst einen Code im Codesystem wählen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="140" />
        <source>The cursor is not in a speaker's turn.</source>
        <translation>Die Einfügemarke steht in keinem Redebeitrag.</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="170" />
        <source>The cursor is not in a sentence of a speaker's turn.</source>
        <translation>Die Einfügemarke steht in keinem Satz eines Redebeitrags.</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="185" />
        <source>Code in vivo “%1”</source>
        <translation>In-vivo codieren „%1“</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="200" />
        <source>There is no coding here.</source>
        <translation>Hier ist keine Codierung.</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="208" />
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="208" />
        <source>Memo for this coding:</source>
        <translation>Memo zu dieser Codierung:</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="216" />
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="216" />
        <source>Weight (0–100):</source>
        <translation>Gewicht (0–100):</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="239" />
        <source>&amp;Code selection with “%1”</source>
        <translation>Auswahl mit „%1“ &amp;codieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="244" />
        <source>Code with a recent code</source>
        <translation>Mit zuletzt benutztem Code codieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="252" />
        <source>Coding “%1”</source>
        <translation>Codierung „%1“</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="253" />
        <source>Memo…</source>
        <translation>Memo …</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="254" />
        <source>Weight…</source>
        <translation>Gewicht …</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="257" />
        <source>Set to the selected passage</source>
        <translation>Auf die markierte Textstelle setzen</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="260" />
        <source>Re-assign to “%1”</source>
        <translation>„%1“ zuordnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/coding.py" line="262" />
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>DocumentBrowser</name>
    <message>
        <location filename="../../app/ui/documents.py" line="145" />
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents.py" line="147" />
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents.py" line="172" />
        <source>Rename document</source>
        <translation>Dokument umbenennen</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents.py" line="172" />
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents.py" line="183" />
        <source>Delete the document “%1” with its %2 codings and its memos?

Edit › Undo brings it back.</source>
        <translation>Das Dokument „%1“ mit seinen %2 Codierungen und Memos löschen?

Bearbeiten › Rückgängig holt es zurück.</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents.py" line="186" />
        <source>Delete document</source>
        <translation>Dokument löschen</translation>
    </message>
</context>
<context>
    <name>DocumentModel</name>
    <message>
        <location filename="../../app/ui/documents.py" line="20" />
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents.py" line="21" />
        <source>Codings</source>
        <translation>Codierungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents.py" line="22" />
        <source>Turns</source>
        <translation>Redebeiträge</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents.py" line="71" />
        <source>%1: %2 characters, %3 codings, %4 speakers</source>
        <translation>%1: %2 Zeichen, %3 Codierungen, %4 Sprecher:innen</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents.py" line="73" />
        <source>%1: %2 turns in this document</source>
        <translation>%1: %2 Redebeiträge in diesem Dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents.py" line="85" />
        <source>Codings in the document</source>
        <translation>Codierungen im Dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents.py" line="87" />
        <source>Turns of the document's speakers, and of each speaker in it</source>
        <translation>Redebeiträge der Sprecher:innen des Dokuments und jeder einzelnen</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <location filename="../../app/ui/exchange.py" line="129" />
        <source>Import REFI-QDA project (.qdpx/.qdc)…</source>
        <translation>REFI-QDA-Projekt importieren (.qdpx/.qdc) …</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="130" />
        <source>Export REFI-QDA (.qdpx)…</source>
        <translation>Als REFI-QDA exportieren (.qdpx) …</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="131" />
        <source>Export codebook (.qdc)…</source>
        <translation>Codesystem exportieren (.qdc) …</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="132" />
        <source>Merge a colleague's project…</source>
        <translation>Projekt einer Kollegin/eines Kollegen zusammenführen …</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="153" />
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation>REFI-QDA-Codesystem (*.qdc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="154" />
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="160" />
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="167" />
        <source>Import REFI-QDA project</source>
        <translation>REFI-QDA-Projekt importieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="172" />
        <source>Import “%1” into this project?</source>
        <translation>„%1“ in dieses Projekt importieren?</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="173" />
        <location filename="../../app/ui/exchange.py" line="189" />
        <source>Import REFI-QDA</source>
        <translation>REFI-QDA importieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="179" />
        <source>Save the new project as</source>
        <translation>Neues Projekt speichern unter</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="180" />
        <location filename="../../app/ui/exchange.py" line="208" />
        <source>FocusCoder projects (*.fcproj)</source>
        <translation>FocusCoder-Projekte (*.fcproj)</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="187" />
        <source>%1 exists already; choose a new name.</source>
        <translation>%1 gibt es schon; bitte einen neuen Namen wählen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="203" />
        <source>The new project is open.</source>
        <translation>Das neue Projekt ist geöffnet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="208" />
        <source>Merge a colleague's project</source>
        <translation>Projekt einer Kollegin/eines Kollegen zusammenführen</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="211" />
        <source>Merge the codes, codings, memos and speakers of “%1” into this project?</source>
        <translation>Codes, Codierungen, Memos und Sprecher:innen aus „%1“ in dieses Projekt übernehmen?</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="213" />
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="217" />
        <source>This cannot be undone with Undo: the undo history is cleared afterwards. A backup copy of the project is made first.</source>
        <translation>Das lässt sich nicht mit „Rückgängig“ zurücknehmen: Der Verlauf wird danach geleert. Vorher wird eine Sicherungskopie des Projekts angelegt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="221" />
        <source>Bring in work</source>
        <translation>Arbeit übernehmen</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="230" />
        <source>%1: working…</source>
        <translation>%1: läuft …</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="238" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/ui/exchange.py" line="250" />
        <source>Done. The undo history was cleared; a backup copy was made before.</source>
        <translation>Fertig. Der Rückgängig-Verlauf wurde geleert; vorher wurde eine Sicherungskopie angelegt.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="76" />
        <location filename="../../app/ui/export_dialog.py" line="202" />
        <location filename="../../app/ui/export_dialog.py" line="234" />
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="81" />
        <source>Word report (.docx)</source>
        <translation>Word-Bericht (.docx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="81" />
        <source>PDF report (.pdf)</source>
        <translation>PDF-Bericht (.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="82" />
        <source>Codebook only (.docx)</source>
        <translation>Nur Codesystem (.docx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="83" />
        <source>Tables for statistics (.xlsx)</source>
        <translation>Tabellen für die Statistik (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="84" />
        <source>Coded segments (.csv)</source>
        <translation>Codierte Segmente (.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="90" />
        <source>Needs LibreOffice, which is not installed.</source>
        <translation>Braucht LibreOffice, das nicht installiert ist.</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="92" />
        <source>Partners (no memos, no coders' names)</source>
        <translation>Partner (ohne Memos und Namen der Codierenden)</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="93" />
        <source>Internal (everything)</source>
        <translation>Intern (alles)</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="94" />
        <source>A report for partners leaves out what stays within the research team.</source>
        <translation>Ein Bericht für Partner lässt weg, was im Forschungsteam bleibt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="96" />
        <source>Role (institution)</source>
        <translation>Rolle (Institution)</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="97" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="101" />
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="102" />
        <source>With memos</source>
        <translation>Mit Memos</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="105" />
        <source>Project language</source>
        <translation>Sprache des Projekts</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="134" />
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="135" />
        <source>Quotes per code:</source>
        <translation>Zitate je Code:</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="136" />
        <source>Labels:</source>
        <translation>Beschriftung:</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="137" />
        <source>Report for:</source>
        <translation>Bericht für:</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="138" />
        <source>Speakers shown as:</source>
        <translation>Sprecher:innen als:</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="141" />
        <source>Codes (with their sub-codes)</source>
        <translation>Codes (mit ihren Subcodes)</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="142" />
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="142" />
        <source>Speakers</source>
        <translation>Sprecher:innen</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="147" />
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="197" />
        <source>Choose at least one code, document and speaker.</source>
        <translation>Bitte mindestens einen Code, ein Dokument und eine Sprecher:in wählen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="210" />
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben …</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="225" />
        <source>Not written: %1</source>
        <translation>Nicht geschrieben: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="231" />
        <source>Written: %1</source>
        <translation>Geschrieben: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/export_dialog.py" line="234" />
        <source>“%1” is written. Open it now?</source>
        <translation>„%1“ ist geschrieben. Jetzt öffnen?</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../app/ui/find_bar.py" line="41" />
        <source>Find in document</source>
        <translation>Im Dokument suchen</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="42" />
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="44" />
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="45" />
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="46" />
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="67" />
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
</context>
<context>
    <name>HitModel</name>
    <message>
        <location filename="../../app/ui/search_results.py" line="18" />
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_results.py" line="19" />
        <source>Speaker</source>
        <translation>Sprecher:in</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_results.py" line="20" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_results.py" line="21" />
        <source>Before</source>
        <translation>Davor</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_results.py" line="22" />
        <source>Hit</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_results.py" line="23" />
        <source>After</source>
        <translation>Danach</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../app/ui/import_documents.py" line="54" />
        <location filename="../../app/ui/import_documents.py" line="99" />
        <source>Import documents</source>
        <translation>Dokumente importieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_documents.py" line="57" />
        <source>Document / speaker</source>
        <translation>Dokument / Sprecher:in</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_documents.py" line="57" />
        <source>Turns</source>
        <translation>Redebeiträge</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_documents.py" line="64" />
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_documents.py" line="68" />
        <source>These documents and speakers were found. Import them?</source>
        <translation>Diese Dokumente und Sprecher:innen wurden gefunden. Importieren?</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_documents.py" line="71" />
        <source>Not readable:</source>
        <translation>Nicht lesbar:</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_documents.py" line="73" />
        <source>Code each card with its cluster, under:</source>
        <translation>Jede Karte mit ihrem Cluster codieren, unter:</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_documents.py" line="74" />
        <source>Measures</source>
        <translation>Maßnahmen</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_documents.py" line="102" />
        <source>Reading documents…</source>
        <translation>Dokumente werden gelesen …</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_documents.py" line="102" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>IndexProgress</name>
    <message>
        <location filename="../../app/ui/indexing.py" line="97" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/ui/indexing.py" line="98" />
        <source>Stop building the language index; a search builds the rest</source>
        <translation>Erstellen des Sprachindex anhalten; eine Suche erstellt den Rest</translation>
    </message>
    <message>
        <location filename="../../app/ui/indexing.py" line="113" />
        <source>Building the language index: %1</source>
        <translation>Sprachindex wird erstellt: %1</translation>
    </message>
</context>
<context>
    <name>KeywordPanel</name>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="125" />
        <source>Keywords of the code</source>
        <translation>Suchbegriffe des Codes</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="126" />
        <source>Keyword</source>
        <translation>Suchbegriff</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="126" />
        <source>Search as</source>
        <translation>Suchen als</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="127" />
        <source>New keywords, e.g. Sprachkurs, Deutschkurs</source>
        <translation>Neue Suchbegriffe, z. B. Sprachkurs, Deutschkurs</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="130" />
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="131" />
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="132" />
        <source>Suggest</source>
        <translation>Vorschlagen</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="133" />
        <source>sentences</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="133" />
        <source>matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="133" />
        <source>whole turns</source>
        <translation>ganze Redebeiträge</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="135" />
        <source>Suggest passages…</source>
        <translation>Textstellen vorschlagen …</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="136" />
        <source>Passages matching the keywords that are not coded with the code yet</source>
        <translation>Textstellen mit den Suchbegriffen, die noch nicht mit dem Code codiert sind</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="145" />
        <source>Lemma (every inflection)</source>
        <translation>Lemma (alle Flexionsformen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="145" />
        <source>Word</source>
        <translation>Wort</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="145" />
        <source>Phrase</source>
        <translation>Wortfolge</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="145" />
        <source>Wildcard (* and ?)</source>
        <translation>Platzhalter (* und ?)</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="146" />
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="186" />
        <source>No keywords yet.</source>
        <translation>Noch keine Suchbegriffe.</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="244" />
        <source>Looking for passages…</source>
        <translation>Textstellen werden gesucht …</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="261" />
        <source>%1 passage(s) suggested for “%2”.</source>
        <translation>%1 Textstelle(n) für „%2“ vorgeschlagen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="265" />
        <source>Suggestions for “%1”</source>
        <translation>Vorschläge für „%1“</translation>
    </message>
    <message>
        <location filename="../../app/ui/keywords_panel.py" line="274" />
        <source>Suggesting failed: %1</source>
        <translation>Vorschlagen fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../app/ui/document_language.py" line="24" />
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_language.py" line="24" />
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_language.py" line="25" />
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../app/ui/document_language.py" line="28" />
        <source>Detect automatically</source>
        <translation>Automatisch erkennen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="125" />
        <location filename="../../app/ui/main_window.py" line="300" />
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="126" />
        <location filename="../../app/ui/main_window.py" line="301" />
        <source>Speakers</source>
        <translation>Sprecher:innen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="128" />
        <source>Codes</source>
        <translation>Codesystem</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="198" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="199" />
        <source>&amp;New project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="200" />
        <source>&amp;Open project…</source>
        <translation>Projekt ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="201" />
        <source>Open &amp;team project…</source>
        <translation>&amp;Teamprojekt öffnen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="202" />
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="204" />
        <source>Open the &amp;sample project</source>
        <translation>&amp;Beispielprojekt öffnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="205" />
        <source>Save a &amp;copy…</source>
        <translation>&amp;Kopie speichern…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="206" />
        <source>&amp;Close project</source>
        <translation>Projekt &amp;schließen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="209" />
        <source>&amp;Import documents…</source>
        <translation>Dokumente &amp;importieren …</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="214" />
        <source>&amp;Export report…</source>
        <translation>Bericht &amp;exportieren …</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="216" />
        <source>&amp;Study details…</source>
        <translation>Angaben zur &amp;Studie…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="218" />
        <source>Restore a &amp;backup…</source>
        <translation>Sicherungskopie &amp;wiederherstellen …</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="220" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="222" />
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="223" />
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="225" />
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="233" />
        <source>&amp;Find in document</source>
        <translation>Im Dokument &amp;suchen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="234" />
        <source>Find &amp;next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="235" />
        <source>&amp;Search the project…</source>
        <translation>Im Projekt &amp;suchen …</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="236" />
        <source>&amp;Memos…</source>
        <translation>&amp;Memos …</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="240" />
        <source>&amp;Coding</source>
        <translation>&amp;Codieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="247" />
        <source>Code with &amp;recent code</source>
        <translation>Mit &amp;zuletzt benutztem Code codieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="255" />
        <source>Current c&amp;oder…</source>
        <translation>Aktuelle:r C&amp;odierer:in …</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="257" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="259" />
        <source>&amp;Documents and codes</source>
        <translation>&amp;Dokumente und Codes</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="260" />
        <source>Retrieved &amp;segments</source>
        <translation>Liste der codierten &amp;Segmente</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="261" />
        <source>Code &amp;definitions</source>
        <translation>Code-&amp;Definitionen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="271" />
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="273" />
        <source>&amp;Larger text</source>
        <translation>Text &amp;größer</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="274" />
        <source>&amp;Smaller text</source>
        <translation>Text &amp;kleiner</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="280" />
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="335" />
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="340" />
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="355" />
        <source>New project from REFI-QDA</source>
        <translation>Neues Projekt aus REFI-QDA</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="369" />
        <source>The team server can be reached again; the view is up to date.</source>
        <translation>Der Teamserver ist wieder erreichbar; die Ansicht ist auf dem neuesten Stand.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="372" />
        <source>Offline, reconnecting: the team server cannot be reached. Changes are not taken until it is back; colleagues' changes will appear then.</source>
        <translation>Offline, Verbindung wird wiederhergestellt: Der Teamserver ist nicht erreichbar. Änderungen sind erst wieder möglich, wenn er zurück ist; dann erscheinen auch die Änderungen aus dem Team.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="380" />
        <source>Open team project</source>
        <translation>Teamprojekt öffnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="381" />
        <source>Address of the team project (postgresql://user@server/database; the password is asked for when needed and never stored):</source>
        <translation>Adresse des Teamprojekts (postgresql://benutzer@server/datenbank; das Passwort wird bei Bedarf erfragt und nie gespeichert):</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="529" />
        <source>Coding as %1</source>
        <translation>Es codiert: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="533" />
        <source>Coder: %1</source>
        <translation>Codierer:in: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="534" />
        <source>Every coding you make records this name. Click to switch.</source>
        <translation>Jede Ihrer Codierungen hält diesen Namen fest. Klicken zum Wechseln.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="539" />
        <source>&lt;i&gt;Choose a document on the left to read and code it.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Links ein Dokument wählen, um es zu lesen und zu codieren.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="544" />
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 turns, %3 speakers, %4 codings</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 Redebeiträge, %3 Sprecher:innen, %4 Codierungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="566" />
        <source>team project on %1</source>
        <translation>Teamprojekt auf %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="567" />
        <source> (read-only)</source>
        <translation> (schreibgeschützt)</translation>
    </message>
</context>
<context>
    <name>MemoEditor</name>
    <message>
        <location filename="../../app/ui/memo_editor.py" line="68" />
        <source>Memos</source>
        <translation>Memos</translation>
    </message>
    <message>
        <location filename="../../app/ui/memo_editor.py" line="69" />
        <source>Thoughts, questions, decisions…</source>
        <translation>Gedanken, Fragen, Entscheidungen …</translation>
    </message>
    <message>
        <location filename="../../app/ui/memo_editor.py" line="70" />
        <source>Memo &amp;about:</source>
        <translation>Memo &amp;zu:</translation>
    </message>
    <message>
        <location filename="../../app/ui/memo_editor.py" line="80" />
        <source>The project</source>
        <translation>Dem Projekt</translation>
    </message>
    <message>
        <location filename="../../app/ui/memo_editor.py" line="82" />
        <source>Document “%1”</source>
        <translation>Dokument „%1“</translation>
    </message>
    <message>
        <location filename="../../app/ui/memo_editor.py" line="91" />
        <source>Code “%1”</source>
        <translation>Code „%1“</translation>
    </message>
    <message>
        <location filename="../../app/ui/memo_editor.py" line="92" />
        <source>Speaker “%1”</source>
        <translation>Sprecher:in „%1“</translation>
    </message>
    <message>
        <location filename="../../app/ui/memo_editor.py" line="93" />
        <source>Coding “%1”: “%2”</source>
        <translation>Codierung „%1“: „%2“</translation>
    </message>
    <message>
        <location filename="../../app/ui/memo_editor.py" line="190" />
        <source>%1

——— Your text, not saved yet ———
%2</source>
        <translation>%1

——— Ihr Text, noch nicht gespeichert ———
%2</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <location filename="../../app/ui/project_life.py" line="48" />
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="50" />
        <source>e.g. Fokusgruppe Arbeitsmarktintegration</source>
        <translation>z. B. Fokusgruppe Arbeitsmarktintegration</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="56" />
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="65" />
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="66" />
        <source>&amp;Language of the transcripts:</source>
        <translation>&amp;Sprache der Transkripte:</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="67" />
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="68" />
        <source>Project file:</source>
        <translation>Projektdatei:</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="70" />
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="89" />
        <source>Give the project a name.</source>
        <translation>Geben Sie dem Projekt einen Namen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="92" />
        <source>The folder does not exist.</source>
        <translation>Den Ordner gibt es nicht.</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="94" />
        <source>A project of this name exists in this folder already.</source>
        <translation>In diesem Ordner gibt es schon ein Projekt mit diesem Namen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="103" />
        <source>Folder for the project</source>
        <translation>Ordner für das Projekt</translation>
    </message>
</context>
<context>
    <name>ReportsDock</name>
    <message>
        <location filename="../../app/ui/reports_dock.py" line="28" />
        <source>Reports</source>
        <translation>Auswertungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_dock.py" line="29" />
        <source>&amp;Reports</source>
        <translation>&amp;Auswertungen</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../app/ui/reports.py" line="157" />
        <source>Rank the codes under:</source>
        <translation>Codes einordnen unter:</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="154" />
        <source>Code frequencies</source>
        <translation>Code-Häufigkeiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="154" />
        <source>Codes × speakers</source>
        <translation>Codes × Sprecher:innen</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="155" />
        <source>Codes × documents</source>
        <translation>Codes × Dokumente</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="155" />
        <location filename="../../app/ui/reports.py" line="233" />
        <source>Speakers</source>
        <translation>Sprecher:innen</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="155" />
        <source>Priorities</source>
        <translation>Prioritäten</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="158" />
        <source>Export report…</source>
        <translation>Bericht exportieren …</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="159" />
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="204" />
        <source>Not computed: %1</source>
        <translation>Nicht berechnet: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="227" />
        <source>Documents: %1 · codes: %2 · codings: %3</source>
        <translation>Dokumente: %1 · Codes: %2 · Codierungen: %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="233" />
        <location filename="../../app/ui/reports.py" line="243" />
        <location filename="../../app/ui/reports.py" line="247" />
        <location filename="../../app/ui/reports.py" line="290" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="233" />
        <location filename="../../app/ui/reports.py" line="251" />
        <source>Codings</source>
        <translation>Codierungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="233" />
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="233" />
        <location filename="../../app/ui/reports.py" line="250" />
        <source>Words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="234" />
        <source>Total codings</source>
        <translation>Codierungen gesamt</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="234" />
        <source>Total documents</source>
        <translation>Dokumente gesamt</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="234" />
        <source>Total speakers</source>
        <translation>Sprecher:innen gesamt</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="235" />
        <source>Total words</source>
        <translation>Wörter gesamt</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="291" />
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="291" />
        <source>Passages</source>
        <translation>Textstellen</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="291" />
        <source>Raised by</source>
        <translation>Eingebracht von</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="220" />
        <source>No codings yet: the chart appears once something is coded.</source>
        <translation>Noch keine Codierungen: Das Diagramm erscheint, sobald etwas codiert ist.</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="245" />
        <source>(no speaker)</source>
        <translation>(ohne Sprecher:in)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="247" />
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="250" />
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="250" />
        <source>Speaker</source>
        <translation>Sprecher:in</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="250" />
        <source>Turns</source>
        <translation>Redebeiträge</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="251" />
        <source>Share of talk</source>
        <translation>Redeanteil</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="252" />
        <source>(all documents)</source>
        <translation>(alle Dokumente)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="290" />
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="290" />
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="290" />
        <source>Share of points</source>
        <translation>Anteil der Punkte</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports.py" line="291" />
        <source>Institutions</source>
        <translation>Institutionen</translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <location filename="../../app/ui/search_dock.py" line="33" />
        <location filename="../../app/ui/search_dock.py" line="34" />
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_dock.py" line="35" />
        <source>Word frequencies</source>
        <translation>Worthäufigkeiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_dock.py" line="36" />
        <source>Code keywords</source>
        <translation>Suchbegriffe der Codes</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_dock.py" line="37" />
        <source>Search and &amp;word frequencies</source>
        <translation>Suche und &amp;Worthäufigkeiten</translation>
    </message>
</context>
<context>
    <name>SearchFilters</name>
    <message>
        <location filename="../../app/ui/search_filters.py" line="34" />
        <source>Document:</source>
        <translation>Dokument:</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_filters.py" line="34" />
        <source>Speaker:</source>
        <translation>Sprecher:in:</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_filters.py" line="35" />
        <source>Speakers with:</source>
        <translation>Sprecher:innen mit:</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_filters.py" line="35" />
        <source>Within code:</source>
        <translation>Innerhalb von Code:</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_filters.py" line="51" />
        <source>All documents</source>
        <translation>Alle Dokumente</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_filters.py" line="52" />
        <source>All speakers</source>
        <translation>Alle Sprecher:innen</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_filters.py" line="53" />
        <source>Any attribute</source>
        <translation>Beliebiges Merkmal</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_filters.py" line="55" />
        <source>Anywhere</source>
        <translation>Überall</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../app/ui/search_panel.py" line="68" />
        <source>Search the transcripts, e.g. Sprachkurs</source>
        <translation>In den Transkripten suchen, z. B. Sprachkurs</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="73" />
        <source>Lemma (every inflection)</source>
        <translation>Lemma (alle Flexionsformen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="74" />
        <source>Word</source>
        <translation>Wort</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="75" />
        <source>Phrase</source>
        <translation>Wortfolge</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="76" />
        <source>Wildcard (* and ?)</source>
        <translation>Platzhalter (* und ?)</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="77" />
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="80" />
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="90" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="117" />
        <source>the match</source>
        <translation>den Treffer</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="117" />
        <source>its sentence</source>
        <translation>seinen Satz</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="118" />
        <source>the whole turn</source>
        <translation>den ganzen Redebeitrag</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="120" />
        <source>Code hits…</source>
        <translation>Treffer codieren …</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="124" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="126" />
        <source>with</source>
        <translation>mit</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="129" />
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="179" />
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="190" />
        <source>Search cancelled.</source>
        <translation>Suche abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="197" />
        <source>Building the language index: %1</source>
        <translation>Sprachindex wird erstellt: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="206" />
        <source>%1 hit(s) in %2 document(s)</source>
        <translation>%1 Treffer in %2 Dokument(en)</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="213" />
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>SegmentModel</name>
    <message>
        <location filename="../../app/ui/segments.py" line="30" />
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="31" />
        <source>Speaker</source>
        <translation>Sprecher:in</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="32" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="33" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="34" />
        <source>Coder</source>
        <translation>Codierer:in</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="35" />
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
</context>
<context>
    <name>SegmentPanel</name>
    <message>
        <location filename="../../app/ui/segments.py" line="144" />
        <source>Only the segments of speakers with this attribute value</source>
        <translation>Nur die Segmente der Sprecher:innen mit diesem Attributwert</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="141" />
        <source>&lt;b&gt;Retrieved segments&lt;/b&gt;</source>
        <translation>&lt;b&gt;Codierte Segmente&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="142" />
        <source>Document:</source>
        <translation>Dokument:</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="142" />
        <source>Speaker:</source>
        <translation>Sprecher:in:</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="142" />
        <source>Attribute:</source>
        <translation>Attribut:</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="145" />
        <location filename="../../app/ui/segments.py" line="170" />
        <source>All documents</source>
        <translation>Alle Dokumente</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="146" />
        <location filename="../../app/ui/segments.py" line="171" />
        <source>All speakers</source>
        <translation>Alle Sprecher:innen</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="147" />
        <location filename="../../app/ui/segments.py" line="185" />
        <source>All attributes</source>
        <translation>Alle Attribute</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="228" />
        <source>Select codes to see their segments.</source>
        <translation>Codes wählen, um ihre Segmente zu sehen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/segments.py" line="237" />
        <source>%1 segment(s) in %2 document(s)</source>
        <translation>%1 Segment(e) in %2 Dokument(en)</translation>
    </message>
</context>
<context>
    <name>SpeakerModel</name>
    <message>
        <location filename="../../app/ui/speakers.py" line="67" />
        <source>Speaker</source>
        <translation>Sprecher:in</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="67" />
        <source>Turns</source>
        <translation>Redebeiträge</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="67" />
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="71" />
        <source>Participant</source>
        <translation>Teilnehmend</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="100" />
        <source>Marked so; their contributions count as support for a measure only if checked.</source>
        <translation>So markiert; die Beiträge zählen nur angehakt als Unterstützung einer Maßnahme.</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="101" />
        <source>By their role (moderation, minute-taking and research team are no participants); click to mark otherwise.</source>
        <translation>Nach der Rolle (Moderation, Protokoll und Forschungsteam nehmen nicht teil); anklicken, um es anders zu markieren.</translation>
    </message>
</context>
<context>
    <name>SpeakerPanel</name>
    <message>
        <location filename="../../app/ui/speakers.py" line="172" />
        <source>Merge into…</source>
        <translation>Zusammenführen mit …</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="173" />
        <source>New attribute…</source>
        <translation>Neues Merkmal …</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="193" />
        <location filename="../../app/ui/speakers.py" line="197" />
        <source>New attribute</source>
        <translation>Neues Merkmal</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="193" />
        <source>Attribute (e.g. Institution):</source>
        <translation>Merkmal (z. B. Institution):</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="197" />
        <source>Value for %1:</source>
        <translation>Wert für %1:</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="209" />
        <location filename="../../app/ui/speakers.py" line="213" />
        <source>Merge speakers</source>
        <translation>Sprecher:innen zusammenführen</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="209" />
        <source>Merge “%1” into:</source>
        <translation>„%1“ zusammenführen mit:</translation>
    </message>
    <message>
        <location filename="../../app/ui/speakers.py" line="214" />
        <source>Merge “%1” into “%2”? Their turns, attribute values and memo become one speaker's; Undo separates them again.</source>
        <translation>„%1“ mit „%2“ zusammenführen? Redebeiträge, Attributwerte und Memo gehören dann einer Person; „Rückgängig“ trennt sie wieder.</translation>
    </message>
</context>
<context>
    <name>StopWordsDialog</name>
    <message>
        <location filename="../../app/ui/stop_words.py" line="52" />
        <source>Stop words</source>
        <translation>Stoppwörter</translation>
    </message>
    <message>
        <location filename="../../app/ui/stop_words.py" line="55" />
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location filename="../../app/ui/stop_words.py" line="55" />
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <location filename="../../app/ui/stop_words.py" line="62" />
        <source>spaCy's list</source>
        <translation>Liste von spaCy</translation>
    </message>
    <message>
        <location filename="../../app/ui/stop_words.py" line="65" />
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location filename="../../app/ui/stop_words.py" line="74" />
        <source>Words left out of word frequencies, one a line:</source>
        <translation>Wörter, die in Worthäufigkeiten nicht mitzählen, eines je Zeile:</translation>
    </message>
</context>
<context>
    <name>StudyDialog</name>
    <message>
        <location filename="../../app/ui/study_dialog.py" line="39" />
        <source>Study details</source>
        <translation>Angaben zur Studie</translation>
    </message>
    <message>
        <location filename="../../app/ui/study_dialog.py" line="43" />
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <location filename="../../app/ui/study_dialog.py" line="45" />
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location filename="../../app/ui/study_dialog.py" line="47" />
        <source>One phase a line</source>
        <translation>Eine Phase je Zeile</translation>
    </message>
    <message>
        <location filename="../../app/ui/study_dialog.py" line="57" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../app/ui/study_dialog.py" line="58" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../app/ui/study_dialog.py" line="59" />
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../app/ui/study_dialog.py" line="60" />
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../../app/ui/study_dialog.py" line="61" />
        <source>Phases</source>
        <translation>Ablauf (Phasen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/study_dialog.py" line="62" />
        <source>Transcription rules</source>
        <translation>Transkriptionsregeln</translation>
    </message>
    <message>
        <location filename="../../app/ui/study_dialog.py" line="63" />
        <source>Coding procedure</source>
        <translation>Vorgehen bei der Codierung</translation>
    </message>
    <message>
        <location filename="../../app/ui/study_dialog.py" line="64" />
        <source>Points per person</source>
        <translation>Punkte je Person</translation>
    </message>
    <message>
        <location filename="../../app/ui/study_dialog.py" line="65" />
        <source>At most per measure</source>
        <translation>Höchstens je Maßnahme</translation>
    </message>
    <message>
        <location filename="../../app/ui/study_dialog.py" line="66" />
        <source>Voters</source>
        <translation>Abstimmende</translation>
    </message>
    <message>
        <location filename="../../app/ui/study_dialog.py" line="79" />
        <source>“%1” is not a date; write it as YYYY-MM-DD.</source>
        <translation>„%1“ ist kein Datum; bitte als JJJJ-MM-TT schreiben.</translation>
    </message>
</context>
<context>
    <name>TeamStatus</name>
    <message>
        <location filename="../../app/ui/team_status.py" line="41" />
        <source>Team project: offline, reconnecting…</source>
        <translation>Teamprojekt: offline, Verbindung wird wiederhergestellt …</translation>
    </message>
    <message>
        <location filename="../../app/ui/team_status.py" line="42" />
        <source>The team server cannot be reached. Changes are not taken until it is back; FocusCoder reconnects by itself and then shows what colleagues did meanwhile.</source>
        <translation>Der Teamserver ist nicht erreichbar. Änderungen sind erst wieder möglich, wenn er zurück ist; FocusCoder verbindet sich von selbst neu und zeigt dann, was das Team inzwischen geändert hat.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team_status.py" line="45" />
        <source>Team project: connected · also working: %1</source>
        <translation>Teamprojekt: verbunden · ebenfalls dabei: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/team_status.py" line="46" />
        <source>Colleagues who have this team project open in FocusCoder now.</source>
        <translation>Wer aus dem Team dieses Teamprojekt gerade in FocusCoder geöffnet hat.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team_status.py" line="48" />
        <source>Team project: connected</source>
        <translation>Teamprojekt: verbunden</translation>
    </message>
    <message>
        <location filename="../../app/ui/team_status.py" line="49" />
        <source>Nobody else has this team project open in FocusCoder now.</source>
        <translation>Niemand sonst hat dieses Teamprojekt gerade in FocusCoder geöffnet.</translation>
    </message>
</context>
<context>
    <name>TeamSync</name>
    <message>
        <location filename="../../app/ui/team_sync.py" line="90" />
        <source>Your change (%1) was saved after all; the view shows it.</source>
        <translation>Ihre Änderung (%1) wurde doch gespeichert; die Ansicht zeigt sie.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team_sync.py" line="95" />
        <source>Your change (%1) was not saved; please make it again.</source>
        <translation>Ihre Änderung (%1) wurde nicht gespeichert; bitte nehmen Sie sie noch einmal vor.</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <location filename="../../app/ui/transcript_view.py" line="422" />
        <source>&lt;b&gt;%1&lt;/b&gt; — coded by %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — codiert von %2</translation>
    </message>
</context>
<context>
    <name>VoteModel</name>
    <message>
        <location filename="../../app/ui/vote_panel.py" line="36" />
        <source>Measure</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <location filename="../../app/ui/vote_panel.py" line="36" />
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <location filename="../../app/ui/vote_panel.py" line="72" />
        <source>“%1” is not a number of points.</source>
        <translation>„%1“ ist keine Punktzahl.</translation>
    </message>
</context>
<context>
    <name>VotePanel</name>
    <message>
        <location filename="../../app/ui/vote_panel.py" line="119" />
        <source>Dot vote (Punktabfrage)</source>
        <translation>Punktabfrage</translation>
    </message>
    <message>
        <location filename="../../app/ui/vote_panel.py" line="120" />
        <source>Measures:</source>
        <translation>Maßnahmen:</translation>
    </message>
    <message>
        <location filename="../../app/ui/vote_panel.py" line="122" />
        <source>Type the points each measure got; clear a cell if the measure was not voted on. Points in italics come from imported cards.</source>
        <translation>Tragen Sie die Punkte jeder Maßnahme ein; leeren Sie die Zelle, wenn über die Maßnahme nicht abgestimmt wurde. Kursive Punkte stammen aus importierten Karten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/vote_panel.py" line="153" />
        <source>(automatic: Maßnahmen, Measures, Handlungsempfehlungen)</source>
        <translation>(automatisch: Maßnahmen, Measures, Handlungsempfehlungen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/vote_panel.py" line="162" />
        <source>%1 points on %2 of %3 measures</source>
        <translation>%1 Punkte auf %2 von %3 Maßnahmen</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../app/ui/project_life.py" line="229" />
        <source>Qualitative coding of focus groups and interviews. Start a project of your own, open one, or look around in the sample workshop first.</source>
        <translation>Qualitative Auswertung von Fokusgruppen und Interviews. Legen Sie ein eigenes Projekt an, öffnen Sie eines, oder sehen Sie sich zuerst den Beispiel-Workshop an.</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="232" />
        <source>New project…</source>
        <translation>Neues Projekt…</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="233" />
        <source>Open project…</source>
        <translation>Projekt öffnen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="234" />
        <source>Open the sample project</source>
        <translation>Beispielprojekt öffnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="235" />
        <source>New project from REFI-QDA (.qdpx)…</source>
        <translation>Neues Projekt aus REFI-QDA (.qdpx)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="236" />
        <source>Recent projects</source>
        <translation>Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="245" />
        <source>team project on a server</source>
        <translation>Teamprojekt auf einem Server</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="249" />
        <source>%1 (not found there)</source>
        <translation>%1 (dort nicht gefunden)</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="256" />
        <source>(none yet)</source>
        <translation>(noch keine)</translation>
    </message>
</context>
<context>
    <name>WordFrequencyModel</name>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="38" />
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="39" />
        <source>Word</source>
        <translation>Wort</translation>
    </message>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="40" />
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
</context>
<context>
    <name>WordFrequencyPanel</name>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="122" />
        <source>the whole project</source>
        <translation>ganzem Projekt</translation>
    </message>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="122" />
        <source>document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="123" />
        <source>speaker</source>
        <translation>Sprecher:in</translation>
    </message>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="123" />
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="78" />
        <source>Lemmas (Sprachkurse → Sprachkurs)</source>
        <translation>Lemmata (Sprachkurse → Sprachkurs)</translation>
    </message>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="82" />
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="83" />
        <source>Count words</source>
        <translation>Wörter zählen</translation>
    </message>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="85" />
        <source>Stop words…</source>
        <translation>Stoppwörter …</translation>
    </message>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="88" />
        <source>Count by</source>
        <translation>Zählen nach</translation>
    </message>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="91" />
        <source>Words per group:</source>
        <translation>Wörter je Gruppe:</translation>
    </message>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="96" />
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="127" />
        <source>speaker attribute “%1”</source>
        <translation>Sprechermerkmal „%1“</translation>
    </message>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="160" />
        <source>Counting…</source>
        <translation>Zählung läuft …</translation>
    </message>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="163" />
        <source>Building the language index: %1</source>
        <translation>Sprachindex wird erstellt: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="174" />
        <source>%1 row(s)</source>
        <translation>%1 Zeile(n)</translation>
    </message>
    <message>
        <location filename="../../app/ui/word_frequency_panel.py" line="182" />
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../app/ui/autocode.py" line="146" />
        <source>Coded %1 passage(s) with “%2”.</source>
        <translation>%1 Textstelle(n) mit „%2“ codiert.</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../app/ui/project_life.py" line="134" />
        <source>Save a copy</source>
        <translation>Kopie speichern</translation>
    </message>
    <message>
        <location filename="../../app/ui/project_life.py" line="150" />
        <source>Saved a copy as %1</source>
        <translation>Kopie gespeichert als %1</translation>
    </message>
</context>
</TS>