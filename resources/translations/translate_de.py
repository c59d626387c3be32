"""Fill focuscoder_de.ts with the German texts below, then compile it:

    pyside6-lupdate app/ui/*.py -no-obsolete -ts resources/translations/focuscoder_de.ts
    python resources/translations/translate_de.py
    pyside6-lrelease resources/translations/focuscoder_de.ts

Terms follow German qualitative content analysis (Codierung, Codesystem, Ankerbeispiel, Codierregel, Segment).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

GERMAN = {
    "Code as “%s”": "Codieren mit „%s“",
    "Remove coding": "Codierung entfernen",
    "Remove codings": "Codierungen entfernen",
    "Change coding": "Codierung ändern",
    "New code “%s”": "Neuer Code „%s“",
    "Rename code “%s”": "Code „%s“ umbenennen",
    "Recolour code “%s”": "Farbe von „%s“ ändern",
    "Edit code “%s”": "Code „%s“ bearbeiten",
    "Move code “%s”": "Code „%s“ verschieben",
    "Delete code “%s”": "Code „%s“ löschen",
    "Merge “%s” into “%s”": "„%s“ mit „%s“ zusammenführen",
    "Import documents": "Dokumente importieren",
    "Definition": "Definition",
    "Anchor example": "Ankerbeispiel",
    "Coding rule": "Codierregel",
    "Save": "Speichern",
    "New": "Neu",
    "Rename": "Umbenennen",
    "Colour": "Farbe",
    "Merge": "Zusammenführen",
    "Delete": "Löschen",
    "Name of the new code (Parent/Child for a sub-code):": "Name des neuen Codes (Obercode/Subcode für einen Subcode):",
    "New code": "Neuer Code",
    "Colour of “%1”": "Farbe von „%1“",
    "Merge codes": "Codes zusammenführen",
    "Merge “%1” and its codings into:": "„%1“ mit seinen Codierungen zusammenführen in:",
    "Delete codes": "Codes löschen",
    "Delete %1 with its sub-codes and %2 coding(s)? You can undo this.":
        "%1 mit Subcodes und %2 Codierung(en) löschen? Das lässt sich rückgängig machen.",
    "Code": "Code",
    "Codings": "Codierungen",
    "%n coding(s)": ("%n Codierung", "%n Codierungen"),
    "&Code selection with current code": "Auswahl mit aktuellem &Code codieren",
    "Code the whole &turn": "Ganzen &Redebeitrag codieren",
    "Code &in vivo (new code from selection)": "&In-vivo codieren (neuer Code aus der Auswahl)",
    "&Remove codings at cursor": "Codierungen an der Einfügemarke &entfernen",
    "(no recent code)": "(kein zuletzt benutzter Code)",
    "Select a passage in the transcript first.": "Bitte zuerst eine Textstelle im Transkript markieren.",
    "This passage has this code already.": "Diese Textstelle hat diesen Code schon.",
    "Choose a code in the code tree first.": "Bitte zuerst einen Code im Codesystem wählen.",
    "The cursor is not in a speaker's turn.": "Die Einfügemarke steht in keinem Redebeitrag.",
    "Code in vivo “%1”": "In-vivo codieren „%1“",
    "There is no coding here.": "Hier ist keine Codierung.",
    "&Code selection with “%1”": "Auswahl mit „%1“ &codieren",
    "Code with a recent code": "Mit zuletzt benutztem Code codieren",
    "Remove coding “%1”": "Codierung „%1“ entfernen",
    "Document": "Dokument",
    "%1: %2 characters, %3 codings, %4 speakers": "%1: %2 Zeichen, %3 Codierungen, %4 Sprecher:innen",
    "%1: %2 turns in this document": "%1: %2 Redebeiträge in diesem Dokument",
    "Find in document": "Im Dokument suchen",
    "Match case": "Groß-/Kleinschreibung",
    "Previous match (Shift+Enter)": "Vorheriger Treffer (Umschalt+Eingabe)",
    "Next match (Enter)": "Nächster Treffer (Eingabe)",
    "Close (Esc)": "Schließen (Esc)",
    "Not found": "Nicht gefunden",
    "Document / speaker": "Dokument / Sprecher:in",
    "Turns": "Redebeiträge",
    "Note: %1": "Hinweis: %1",
    "These documents and speakers were found. Import them?":
        "Diese Dokumente und Sprecher:innen wurden gefunden. Importieren?",
    "Not readable:": "Nicht lesbar:",
    "Documents": "Dokumente",
    "Codes": "Codesystem",
    "&File": "&Datei",
    "&Open project…": "Projekt ö&ffnen …",
    "Open &recent": "&Zuletzt geöffnet",
    "&Import documents…": "Dokumente &importieren …",
    "&Quit": "&Beenden",
    "&Edit": "&Bearbeiten",
    "&Undo": "&Rückgängig",
    "&Redo": "&Wiederholen",
    "&Find in document": "Im Dokument &suchen",
    "Find &next": "&Weitersuchen",
    "&Coding": "&Codieren",
    "Code with &recent code": "Mit &zuletzt benutztem Code codieren",
    "&View": "&Ansicht",
    "&Documents and codes": "&Dokumente und Codes",
    "Retrieved &segments": "Liste der codierten &Segmente",
    "Code &definitions": "Code-&Definitionen",
    "&Larger text": "Text &größer",
    "&Smaller text": "Text &kleiner",
    "(none)": "(keine)",
    "Open project": "Projekt öffnen",
    "FocusCoder projects (*.fcproj)": "FocusCoder-Projekte (*.fcproj)",
    "<i>Choose a document on the left to read and code it.</i>":
        "<i>Links ein Dokument wählen, um es zu lesen und zu codieren.</i>",
    "<b>%1</b> — %2 turns, %3 speakers, %4 codings": "<b>%1</b> — %2 Redebeiträge, %3 Sprecher:innen, %4 Codierungen",
    "Speaker": "Sprecher:in",
    "Time": "Zeit",
    "Coder": "Codierer:in",
    "Segment": "Segment",
    "<b>Retrieved segments</b>": "<b>Codierte Segmente</b>",
    "Document:": "Dokument:",
    "Speaker:": "Sprecher:in:",
    "All documents": "Alle Dokumente",
    "All speakers": "Alle Sprecher:innen",
    "Select codes to see their segments.": "Codes wählen, um ihre Segmente zu sehen.",
    "%1 segment(s) in %2 document(s)": "%1 Segment(e) in %2 Dokument(en)",
    "<b>%1</b> — coded by %2": "<b>%1</b> — codiert von %2",
    "Reading documents…": "Dokumente werden gelesen …",
    "Cancel": "Abbrechen",
    "System language": "Systemsprache",
    "Speakers": "Sprecher:innen",
    "Merge into…": "Zusammenführen mit …",
    "New attribute…": "Neues Merkmal …",
    "New attribute": "Neues Merkmal",
    "Attribute (e.g. Institution):": "Merkmal (z. B. Institution):",
    "Value for %1:": "Wert für %1:",
    "Merge speakers": "Sprecher:innen zusammenführen",
    "Merge “%1” into:": "„%1“ zusammenführen mit:",
    "Rename speaker “%s”": "Sprecher:in „%s“ umbenennen",
    "Set %s of “%s”": "%s von „%s“ setzen",
    "Memo": "Memo",
    "Edit memo": "Memo bearbeiten",
    "Coding “%1”": "Codierung „%1“",
    "Memo…": "Memo …",
    "Weight…": "Gewicht …",
    "Remove": "Entfernen",
    "Memo for this coding:": "Memo zu dieser Codierung:",
    "Weight": "Gewicht",
    "Weight (0–100):": "Gewicht (0–100):",
    "Edit code “%1”": "Code „%1“ bearbeiten",
    "Set to the selected passage": "Auf die markierte Textstelle setzen",
    "Re-assign to “%1”": "„%1“ zuordnen",
    # Sharing: REFI-QDA exchange, merging, the coder filter
    "Import REFI-QDA project (.qdpx/.qdc)…": "REFI-QDA-Projekt importieren (.qdpx/.qdc) …",
    "Export REFI-QDA (.qdpx)…": "Als REFI-QDA exportieren (.qdpx) …",
    "Export codebook (.qdc)…": "Codesystem exportieren (.qdc) …",
    "Merge a colleague's project…": "Projekt einer Kollegin/eines Kollegen zusammenführen …",
    "Merge a colleague's project": "Projekt einer Kollegin/eines Kollegen zusammenführen",
    "Import REFI-QDA project": "REFI-QDA-Projekt importieren",
    "Import REFI-QDA": "REFI-QDA importieren",
    "Import “%1” into this project?": "„%1“ in dieses Projekt importieren?",
    "Merge the codes, codings, memos and speakers of “%1” into this project?":
        "Codes, Codierungen, Memos und Sprecher:innen aus „%1“ in dieses Projekt übernehmen?",
    "This cannot be undone with Undo: the undo history is cleared afterwards. A backup copy of the project is made first.":
        "Das lässt sich nicht mit „Rückgängig“ zurücknehmen: Der Verlauf wird danach geleert. Vorher wird eine Sicherungskopie des Projekts angelegt.",
    "Bring in work": "Arbeit übernehmen",
    "Done. The undo history was cleared; a backup copy was made before.":
        "Fertig. Der Rückgängig-Verlauf wurde geleert; vorher wurde eine Sicherungskopie angelegt.",
    "The new project is open.": "Das neue Projekt ist geöffnet.",
    "Save the new project as": "Neues Projekt speichern unter",
    "%1 exists already; choose a new name.": "%1 gibt es schon; bitte einen neuen Namen wählen.",
    "%1: working…": "%1: läuft …",
    "Export": "Exportieren",
    "REFI-QDA codebook (*.qdc)": "REFI-QDA-Codesystem (*.qdc)",
    "Wrote %1": "%1 geschrieben",
    "Show &coders": "&Codierende anzeigen",
    "Show &all coders": "&Alle Codierenden anzeigen",
    "%1 (%2 codings)": "%1 (%2 Codierungen)",
    "(no coders yet)": "(noch keine Codierenden)",
    # Reports and the export dialog
    "&Reports": "&Auswertungen",
    "Reports": "Auswertungen",
    "&Export report…": "Bericht &exportieren …",
    "Export report…": "Bericht exportieren …",
    "Export report": "Bericht exportieren",
    "Refresh": "Aktualisieren",
    "Documents: %1 · codes: %2 · codings: %3": "Dokumente: %1 · Codes: %2 · Codierungen: %3",
    "Code frequencies": "Code-Häufigkeiten",
    "Codes × speakers": "Codes × Sprecher:innen",
    "Codes × documents": "Codes × Dokumente",
    "Priorities": "Prioritäten",
    "Rank the codes under:": "Codes einordnen unter:",
    "Words": "Wörter",
    "Total codings": "Codierungen gesamt",
    "Total documents": "Dokumente gesamt",
    "Total speakers": "Sprecher:innen gesamt",
    "Total words": "Wörter gesamt",
    "Total": "Gesamt",
    "(no speaker)": "(ohne Sprecher:in)",
    "(all documents)": "(alle Dokumente)",
    "Share of talk": "Redeanteil",
    "Rank": "Rang",
    "Institutions": "Institutionen",
    "Mean weight": "Mittleres Gewicht",
    "No codings yet: the chart appears once something is coded.":
        "Noch keine Codierungen: Das Diagramm erscheint, sobald etwas codiert ist.",
    "Word report (.docx)": "Word-Bericht (.docx)",
    "Codebook only (.docx)": "Nur Codesystem (.docx)",
    "PDF report (.pdf)": "PDF-Bericht (.pdf)",
    "Needs LibreOffice, which is not installed.": "Braucht LibreOffice, das nicht installiert ist.",
    "Partners (no memos, no coders' names)": "Partner (ohne Memos und Namen der Codierenden)",
    "Internal (everything)": "Intern (alles)",
    "A report for partners leaves out what stays within the research team.":
        "Ein Bericht für Partner lässt weg, was im Forschungsteam bleibt.",
    "Role (institution)": "Rolle (Institution)",
    "Name": "Name",
    "Report for:": "Bericht für:",
    "Speakers shown as:": "Sprecher:innen als:",
    "Tables for statistics (.xlsx)": "Tabellen für die Statistik (.xlsx)",
    "Coded segments (.csv)": "Codierte Segmente (.csv)",
    "all": "alle",
    "With memos": "Mit Memos",
    "Project language": "Sprache des Projekts",
    "Format:": "Format:",
    "Quotes per code:": "Zitate je Code:",
    "Labels:": "Beschriftung:",
    "Codes (with their sub-codes)": "Codes (mit ihren Subcodes)",
    "Export…": "Exportieren …",
    "Choose at least one code, document and speaker.": "Bitte mindestens einen Code, ein Dokument und eine Sprecher:in wählen.",
    "Writing %1…": "%1 wird geschrieben …",
    "Not written: %1": "Nicht geschrieben: %1",
    "Written: %1": "Geschrieben: %1",
    "“%1” is written. Open it now?": "„%1“ ist geschrieben. Jetzt öffnen?",
    "Not computed: %1": "Nicht berechnet: %1",
    # Search, word frequencies, stop words, auto-coding
    "&Search the project…": "Im Projekt &suchen …",
    "Search and &word frequencies": "Suche und &Worthäufigkeiten",
    "Search": "Suchen",
    "Word frequencies": "Worthäufigkeiten",
    "Search the transcripts, e.g. Sprachkurs": "In den Transkripten suchen, z. B. Sprachkurs",
    "Lemma (every inflection)": "Lemma (alle Flexionsformen)",
    "Word": "Wort",
    "Phrase": "Wortfolge",
    "Wildcard (* and ?)": "Platzhalter (* und ?)",
    "Regular expression": "Regulärer Ausdruck",
    "Speakers with:": "Sprecher:innen mit:",
    "Within code:": "Innerhalb von Code:",
    "Any attribute": "Beliebiges Merkmal",
    "Anywhere": "Überall",
    "Before": "Davor",
    "Hit": "Treffer",
    "After": "Danach",
    "Group": "Gruppe",
    "Count": "Anzahl",
    "Count words": "Wörter zählen",
    "%1 hit(s) in %2 document(s)": "%1 Treffer in %2 Dokument(en)",
    "Searching…": "Suche läuft …",
    "Search cancelled.": "Suche abgebrochen.",
    "The search failed: %1": "Die Suche ist fehlgeschlagen: %1",
    "Building the language index: %1": "Sprachindex wird erstellt: %1",
    "the match": "den Treffer",
    "its sentence": "seinen Satz",
    "the whole turn": "den ganzen Redebeitrag",
    "with": "mit",
    "Code hits…": "Treffer codieren …",
    "Auto-code as “%s”": "Automatisch codieren mit „%s“",
    "Auto-code with “%1”": "Automatisch codieren mit „%1“",
    "Passage": "Textstelle",
    "(coded already) ": "(schon codiert) ",
    "Unit: %1. Nothing is written before you choose “Code”.": "Einheit: %1. Gespeichert wird erst mit „Codieren“.",
    "%1 passage(s) will be coded": "%1 Textstelle(n) werden codiert",
    "; %1 have the code already": "; %1 haben den Code schon",
    "Coded %1 passage(s) with “%2”.": "%1 Textstelle(n) mit „%2“ codiert.",
    "Count by": "Zählen nach",
    "the whole project": "ganzem Projekt",
    "document": "Dokument",
    "speaker": "Sprecher:in",
    "code": "Code",
    "speaker attribute “%1”": "Sprechermerkmal „%1“",
    "Lemmas (Sprachkurse → Sprachkurs)": "Lemmata (Sprachkurse → Sprachkurs)",
    "Words per group:": "Wörter je Gruppe:",
    "Stop words…": "Stoppwörter …",
    "Stop words": "Stoppwörter",
    "Counting…": "Zählung läuft …",
    "%1 row(s)": "%1 Zeile(n)",
    "Cancelled.": "Abgebrochen.",
    "Edit the stop list (%s)": "Stoppwortliste bearbeiten (%s)",
    "German": "Deutsch",
    "English": "Englisch",
    "Language:": "Sprache:",
    "spaCy's list": "Liste von spaCy",
    "Words left out of word frequencies, one a line:": "Wörter, die in Worthäufigkeiten nicht mitzählen, eines je Zeile:",
    "Export table": "Tabelle exportieren",
    "Only the segments of speakers with this attribute value": "Nur die Segmente der Sprecher:innen mit diesem Attributwert",
    "Attribute:": "Attribut:",
    "All attributes": "Alle Attribute",
    "Code the &sentence": "&Satz codieren",
    "The cursor is not in a sentence of a speaker's turn.": "Die Einfügemarke steht in keinem Satz eines Redebeitrags.",
    "Edit project memo": "Projektmemo bearbeiten",
    "Memos": "Memos",
    "&Memos…": "&Memos …",
    "Thoughts, questions, decisions…": "Gedanken, Fragen, Entscheidungen …",
    "Memo &about:": "Memo &zu:",
    "The project": "Dem Projekt",
    "Document “%1”": "Dokument „%1“",
    "Speaker “%1”": "Sprecher:in „%1“",
    "Code “%1”": "Code „%1“",
    "Coding “%1”: “%2”": "Codierung „%1“: „%2“",
    # Speakers merged (undoable), the document browser's columns, the language switched at once
    "Merge speaker “%s” into “%s”": "Sprecher:in „%s“ mit „%s“ zusammenführen",
    "Merge “%1” into “%2”? Their turns, attribute values and memo become one speaker's; Undo separates them again.":
        "„%1“ mit „%2“ zusammenführen? Redebeiträge, Attributwerte und Memo gehören dann einer Person; "
        "„Rückgängig“ trennt sie wieder.",
    "Codings in the document": "Codierungen im Dokument",
    "Turns of the document's speakers, and of each speaker in it": "Redebeiträge der Sprecher:innen des Dokuments und jeder einzelnen",
    "&Language": "&Sprache",
    # Opening a project: the lock, read-only, backups; the current coder
    "%1 is open in FocusCoder by %2.\n\nThat FocusCoder is no longer running (it may have crashed, or its computer "
    "lost the connection). You can open the project read-only, or take it over and work on it here.":
        "%1 ist in FocusCoder bei %2 geöffnet.\n\nDieses FocusCoder läuft nicht mehr (es ist vielleicht abgestürzt, "
        "oder der Computer hat die Verbindung verloren). Sie können das Projekt schreibgeschützt öffnen oder es "
        "übernehmen und hier daran arbeiten.",
    "%1 is open in FocusCoder by %2.\n\nTwo people changing a project at once would lose work. You can open it "
    "read-only to look at it, or ask them to close it and try again.":
        "%1 ist in FocusCoder bei %2 geöffnet.\n\nWenn zwei Personen ein Projekt gleichzeitig ändern, geht Arbeit "
        "verloren. Sie können es schreibgeschützt öffnen, um es anzusehen, oder darum bitten, es zu schließen, und es "
        "dann erneut versuchen.",
    "Open &read-only": "&Schreibgeschützt öffnen",
    "&Take over": "&Übernehmen",
    "%1 is open read-only: changes cannot be saved.": "%1 ist schreibgeschützt geöffnet: Änderungen können nicht gespeichert werden.",
    " (read-only)": " (schreibgeschützt)",
    "This project is open read-only, so it cannot be changed. To make changes, close it in the other FocusCoder and "
    "open it again here.":
        "Dieses Projekt ist schreibgeschützt geöffnet und kann nicht geändert werden. Um etwas zu ändern, schließen "
        "Sie es im anderen FocusCoder und öffnen Sie es hier erneut.",
    "The project is open, but no backup copy was made: %1": "Das Projekt ist geöffnet, aber es wurde keine Sicherungskopie angelegt: %1",
    "The project could not be opened again: %1": "Das Projekt konnte nicht wieder geöffnet werden: %1",
    "Restore a &backup…": "Sicherungskopie &wiederherstellen …",
    "Restore a backup": "Sicherungskopie wiederherstellen",
    "Backups of %1, newest first. The project as it is now is kept as a backup too.":
        "Sicherungskopien von %1, die neueste zuerst. Das Projekt, wie es jetzt ist, wird ebenfalls als Sicherungskopie aufbewahrt.",
    "&Restore…": "&Wiederherstellen …",
    "Bring back the backup from %1?\n\n%2 will be closed and replaced by it; the project as it is now is kept as a "
    "backup, so this can be undone by restoring that one.":
        "Die Sicherungskopie vom %1 wiederherstellen?\n\n%2 wird geschlossen und durch sie ersetzt; das Projekt, wie es "
        "jetzt ist, wird als Sicherungskopie aufbewahrt. Wer diese wiederherstellt, macht den Schritt also rückgängig.",
    "There are no backups of %1 yet; one is made each time the project is opened after a change.":
        "Von %1 gibt es noch keine Sicherungskopien; eine wird jedes Mal angelegt, wenn das Projekt nach einer Änderung "
        "geöffnet wird.",
    "Current coder": "Aktuelle:r Codierer:in",
    "Current c&oder…": "Aktuelle:r C&odierer:in …",
    "Who is coding? Every coding you make records this name.": "Wer codiert? Jede Codierung, die Sie anlegen, hält diesen Namen fest.",
    "Coding as %1": "Es codiert: %1",
    # Keywords of a code, a document's language, the language index (filled in for the text-analysis work)
    "Keywords of “%s”": "Suchbegriffe von „%s“",
    "Language of “%s”": "Sprache von „%s“",
    "The language index was not built (%1); a search builds it.":
        "Der Sprachindex wurde nicht erstellt (%1); eine Suche erstellt ihn.",
    "Stop building the language index; a search builds the rest":
        "Erstellen des Sprachindex anhalten; eine Suche erstellt den Rest",
    "Keywords of the code": "Suchbegriffe des Codes",
    "Code keywords": "Suchbegriffe der Codes",
    "Keyword": "Suchbegriff",
    "Search as": "Suchen als",
    "New keywords, e.g. Sprachkurs, Deutschkurs": "Neue Suchbegriffe, z. B. Sprachkurs, Deutschkurs",
    "Add": "Hinzufügen",
    "Suggest": "Vorschlagen",
    "sentences": "Sätze",
    "matches": "Treffer",
    "whole turns": "ganze Redebeiträge",
    "Suggest passages…": "Textstellen vorschlagen …",
    "Passages matching the keywords that are not coded with the code yet":
        "Textstellen mit den Suchbegriffen, die noch nicht mit dem Code codiert sind",
    "No keywords yet.": "Noch keine Suchbegriffe.",
    "Looking for passages…": "Textstellen werden gesucht …",
    "%1 passage(s) suggested for “%2”.": "%1 Textstelle(n) für „%2“ vorgeschlagen.",
    "Suggestions for “%1”": "Vorschläge für „%1“",
    "Suggesting failed: %1": "Vorschlagen fehlgeschlagen: %1",
    "Language": "Sprache",
    "Detect automatically": "Automatisch erkennen",
    # Team projects on a PostgreSQL server (issue 9)
    "Open &team project…": "&Teamprojekt öffnen…",
    "Open team project": "Teamprojekt öffnen",
    "Address of the team project (postgresql://user@server/database; the password is asked for when needed and never stored):":
        "Adresse des Teamprojekts (postgresql://benutzer@server/datenbank; das Passwort wird bei Bedarf erfragt und nie gespeichert):",
    "team project on %1": "Teamprojekt auf %1",
    "Your role in this team project lets you read it, not change it.":
        "Ihre Rolle in diesem Teamprojekt erlaubt Lesen, aber keine Änderungen.",
    "%1 A colleague may have changed it meanwhile; the view now shows the project as it is.":
        "%1 Vermutlich hat es jemand aus dem Team inzwischen geändert; die Ansicht zeigt jetzt den aktuellen Stand.",
    "The password was not accepted. Password for %1:": "Das Passwort wurde nicht angenommen. Passwort für %1:",
    "Password for %1:": "Passwort für %1:",
    "Team project %1: you are %2; colleagues' changes appear as they are made.":
        "Teamprojekt %1: Sie sind %2; Änderungen aus dem Team erscheinen sofort.",
    "The team server can be reached again; the view is up to date.":
        "Der Teamserver ist wieder erreichbar; die Ansicht ist auf dem neuesten Stand.",
    "Offline, reconnecting: the team server cannot be reached. Changes are not taken until it is back; "
    "colleagues' changes will appear then.":
        "Offline, Verbindung wird wiederhergestellt: Der Teamserver ist nicht erreichbar. Änderungen sind erst wieder "
        "möglich, wenn er zurück ist; dann erscheinen auch die Änderungen aus dem Team.",
    "Team project: offline, reconnecting…": "Teamprojekt: offline, Verbindung wird wiederhergestellt …",
    "The team server cannot be reached. Changes are not taken until it is back; FocusCoder reconnects by itself "
    "and then shows what colleagues did meanwhile.":
        "Der Teamserver ist nicht erreichbar. Änderungen sind erst wieder möglich, wenn er zurück ist; FocusCoder "
        "verbindet sich von selbst neu und zeigt dann, was das Team inzwischen geändert hat.",
    "Team project: connected · also working: %1": "Teamprojekt: verbunden · ebenfalls dabei: %1",
    "Colleagues who have this team project open in FocusCoder now.":
        "Wer aus dem Team dieses Teamprojekt gerade in FocusCoder geöffnet hat.",
    "Team project: connected": "Teamprojekt: verbunden",
    "Nobody else has this team project open in FocusCoder now.":
        "Niemand sonst hat dieses Teamprojekt gerade in FocusCoder geöffnet.",
    "Your change (%1) was saved after all; the view shows it.":
        "Ihre Änderung (%1) wurde doch gespeichert; die Ansicht zeigt sie.",
    "Your change (%1) was not saved; please make it again.":
        "Ihre Änderung (%1) wurde nicht gespeichert; bitte nehmen Sie sie noch einmal vor.",
    "%1\n\n——— Your text, not saved yet ———\n%2": "%1\n\n——— Ihr Text, noch nicht gespeichert ———\n%2",
    "the owner": "Eigentümer/in",
    "an editor": "Bearbeiter/in",
    "a coder": "Codierer/in",
    "a reader (read-only)": "Leser/in (nur lesen)",

    # The project's life in the window (project_life.py): welcome page, New project, Save a copy, Close.
    "New project": "Neues Projekt",
    "e.g. Fokusgruppe Arbeitsmarktintegration": "z. B. Fokusgruppe Arbeitsmarktintegration",
    "Choose…": "Auswählen…",
    "&Name:": "&Name:",
    "&Language of the transcripts:": "&Sprache der Transkripte:",
    "&Folder:": "&Ordner:",
    "Project file:": "Projektdatei:",
    "Create": "Anlegen",
    "Give the project a name.": "Geben Sie dem Projekt einen Namen.",
    "The folder does not exist.": "Den Ordner gibt es nicht.",
    "A project of this name exists in this folder already.": "In diesem Ordner gibt es schon ein Projekt mit diesem Namen.",
    "Folder for the project": "Ordner für das Projekt",
    "Copy of": "Kopie von",
    "Save a copy": "Kopie speichern",
    "Saved a copy as %1": "Kopie gespeichert als %1",
    "Qualitative coding of focus groups and interviews. Start a project of your own, open one, or look around in the sample workshop first.": "Qualitative Auswertung von Fokusgruppen und Interviews. Legen Sie ein eigenes Projekt an, öffnen Sie eines, oder sehen Sie sich zuerst den Beispiel-Workshop an.",
    "New project…": "Neues Projekt…",
    "Open project…": "Projekt öffnen…",
    "Open the sample project": "Beispielprojekt öffnen",
    "New project from REFI-QDA (.qdpx)…": "Neues Projekt aus REFI-QDA (.qdpx)…",
    "Recent projects": "Zuletzt geöffnet",
    "team project on a server": "Teamprojekt auf einem Server",
    "%1 (not found there)": "%1 (dort nicht gefunden)",
    "(none yet)": "(noch keine)",
    "&New project…": "&Neues Projekt…",
    "Open the &sample project": "&Beispielprojekt öffnen",
    "Save a &copy…": "&Kopie speichern…",
    "&Close project": "Projekt &schließen",
    "New project from REFI-QDA": "Neues Projekt aus REFI-QDA",

    # Documents: rename and delete (documents.py, commands.py).
    'Rename…': 'Umbenennen…',
    'Delete…': 'Löschen…',
    'Rename document': 'Dokument umbenennen',
    'New name:': 'Neuer Name:',
    'Delete document': 'Dokument löschen',
    'Delete the document “%1” with its %2 codings and its memos?\n\nEdit › Undo brings it back.': 'Das Dokument „%1“ mit seinen %2 Codierungen und Memos löschen?\n\nBearbeiten › Rückgängig holt es zurück.',
    'Rename document “%s”': 'Dokument „%s“ umbenennen',
    'Delete document “%s”': 'Dokument „%s“ löschen',

    # The coder in the status bar; the first start asks for a real name (coder_choice.py, main_window.py).
    "Who is coding? Please type your name: every coding you make records it, so that colleagues' coding stays apart and can be compared.": 'Wer codiert? Bitte geben Sie Ihren Namen ein: Jede Codierung hält ihn fest, damit die Codierungen von Kolleg:innen getrennt bleiben und verglichen werden können.',
    'Coder: %1': 'Codierer:in: %1',
    'Every coding you make records this name. Click to switch.': 'Jede Ihrer Codierungen hält diesen Namen fest. Klicken zum Wechseln.',
    # The dot vote (Punktabfrage), the study's details, the ranking by the vote (issue 18)
    "Points of “%s”": "Punkte von „%s“",
    "Measures under “%s”": "Maßnahmen unter „%s“",
    "Participant “%s”": "Teilnehmend: „%s“",
    "Study details": "Angaben zur Studie",
    "&Study details…": "Angaben zur &Studie…",
    "Dot vote (Punktabfrage)": "Punktabfrage",
    "Measures:": "Maßnahmen:",
    "Measure": "Maßnahme",
    "Points": "Punkte",
    "Type the points each measure got; clear a cell if the measure was not voted on. Points in italics come from imported cards.":
        "Tragen Sie die Punkte jeder Maßnahme ein; leeren Sie die Zelle, wenn über die Maßnahme nicht abgestimmt "
        "wurde. Kursive Punkte stammen aus importierten Karten.",
    "(automatic: Maßnahmen, Measures, Handlungsempfehlungen)": "(automatisch: Maßnahmen, Measures, Handlungsempfehlungen)",
    "%1 points on %2 of %3 measures": "%1 Punkte auf %2 von %3 Maßnahmen",
    "“%1” is not a number of points.": "„%1“ ist keine Punktzahl.",
    "YYYY-MM-DD": "JJJJ-MM-TT",
    " min": " Min.",
    "One phase a line": "Eine Phase je Zeile",
    "Title": "Titel",
    "Date": "Datum",
    "Place": "Ort",
    "Duration": "Dauer",
    "Phases": "Ablauf (Phasen)",
    "Transcription rules": "Transkriptionsregeln",
    "Coding procedure": "Vorgehen bei der Codierung",
    "Points per person": "Punkte je Person",
    "At most per measure": "Höchstens je Maßnahme",
    "Voters": "Abstimmende",
    "“%1” is not a date; write it as YYYY-MM-DD.": "„%1“ ist kein Datum; bitte als JJJJ-MM-TT schreiben.",

    "Share of points": "Anteil der Punkte",
    "Participants": "Teilnehmende",
    "Passages": "Textstellen",
    "Raised by": "Eingebracht von",
    "Code each card with its cluster, under:": "Jede Karte mit ihrem Cluster codieren, unter:",
    "Measures": "Maßnahmen",
    "Import cards under “%s”": "Karten unter „%s“ importieren",
    "Participant": "Teilnehmend",
    "Marked so; their contributions count as support for a measure only if checked.":
        "So markiert; die Beiträge zählen nur angehakt als Unterstützung einer Maßnahme.",
    "By their role (moderation, minute-taking and research team are no participants); click to mark otherwise.":
        "Nach der Rolle (Moderation, Protokoll und Forschungsteam nehmen nicht teil); anklicken, um es anders "
        "zu markieren.",
}


def main(path: Path) -> int:
    tree = ET.parse(path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        german = GERMAN.get(source)
        if german is None:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if isinstance(german, tuple):
            translation.text = None
            for form in german:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = german
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"untranslated: {source}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(Path(__file__).with_name("focuscoder_de.ts")))
