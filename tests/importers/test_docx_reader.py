"""Word documents: body order, soft breaks, fields, revisions, tables (speaker | text layout)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from app.importers.base import Block, ReaderError
from app.importers.docx_reader import read_docx, table_blocks
from tests.shared_data import TRANSCRIPTS as DATA, needs_shared_data


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def package_rels(target: str = "word/document.xml") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        f'officeDocument" Target="{target}"/></Relationships>'
    )


def write_docx(path: Path, body: str, *, part: str = "word/document.xml", namespaces: str = NAMESPACES,
               extra: dict[str, str] | None = None) -> Path:
    """A minimal .docx whose body is the given WordprocessingML (a list of w:p / w:tbl elements)."""
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:document {namespaces}><w:body>{body}<w:sectPr/></w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", package_rels(part))
        archive.writestr(part, document)
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return path


def p(*runs: str) -> str:
    return "<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr>" + "".join(runs) + "</w:p>"


def r(inner: str) -> str:
    return f"<w:r><w:rPr><w:i/></w:rPr>{inner}</w:r>"


def t(text: str) -> str:
    return r(f'<w:t xml:space="preserve">{text}</w:t>')


def field(instruction: str, result: str) -> str:
    return (
        r('<w:fldChar w:fldCharType="begin"/>')
        + r(f'<w:instrText xml:space="preserve">{instruction}</w:instrText>')
        + r('<w:fldChar w:fldCharType="separate"/>')
        + result
        + r('<w:fldChar w:fldCharType="end"/>')
    )


def read_body(tmp_path: Path, body: str) -> list[Block]:
    return read_docx(write_docx(tmp_path / "t.docx", body))


# --- the shared real files -------------------------------------------------------------------------------------


@needs_shared_data
def test_shared_german_paired_interview() -> None:
    blocks = read_docx(DATA / "de_haski_interview3_I-S5-S6.docx")
    assert len(blocks) == 23
    assert blocks[0] == Block(
        "Interview with S5 and S6 - Anonymized German transcript of the statements\n with reference to NodeGrade"
    )
    assert blocks[1] == Block("(S = Student; I = Interviewer)")
    assert blocks[2] == Block(
        "I:  Gibt es konkrete Verbesserungen, die euch noch einfallen und ihr euch wünschen würdet? "
    )
    assert blocks[3].text.startswith("S5: Freitext bei der Aufgabe, da sind wir auch lang hängen geblieben")
    assert blocks[4].text.startswith("Bei der Freitextaufgabe sind wir lange hängen geblieben.")  # no label
    assert "„in Bezug auf Beispiel XY“ oder „bring ein Beispiel XY und beziehe dich drauf“" in blocks[6].text
    labels = [b.text.split(":")[0] for b in blocks if re.match(r"(I|S5|S6):", b.text)]
    assert (labels.count("I"), labels.count("S5"), labels.count("S6")) == (3, 9, 8)
    assert blocks[-1].text.endswith("was es jetzt konkret von einem will.")
    assert all(b.speaker is None for b in blocks)


@needs_shared_data
def test_shared_presidential_debate() -> None:
    blocks = read_docx(DATA / "en_us_presidential_debate_2012-10-03.docx")
    assert len(blocks) == 214
    assert blocks[0] == Block(
        "LEHRER: We'll talk about -- specifically about health care in a moment. "
        "But what -- do you support the voucher system, Governor?"
    )
    assert blocks[3] == Block("(CROSSTALK)")
    assert blocks[5].text.startswith("Number two is for people coming along")  # a continuation paragraph
    assert sum(b.text == "(CROSSTALK)" for b in blocks) == 10
    starts = [m.group(1) for b in blocks if (m := re.match(r"([A-Z]+): ", b.text))]
    assert (starts.count("LEHRER"), starts.count("ROMNEY"), starts.count("OBAMA")) == (46, 36, 27)
    assert blocks[-1].text.endswith("I'm Jim Lehrer. Thank you, and good night.")
    assert sum(len(b.text.split()) for b in blocks) == 8595


@needs_shared_data
def test_shared_oral_history_messy_layout() -> None:
    blocks = read_docx(DATA / "en_oral_history_interview_messy-layout.docx")
    texts = [b.text for b in blocks]
    assert len(blocks) == 87
    assert texts[:3] == ["JRMC2202 Audio Project", "Interview Transcript", "Interviewer: Yasmine Hassan"]
    # a hard line break inside a sentence stays inside its paragraph
    assert texts[15] == (
        "Hassan:           Could you please tell me your name, your title, your age, and your place of ref,"
        "          \n                         umm, residence?      "
    )
    assert texts[16].startswith(" Abd Rabou:   My name is Ahmad Abd Rabou.")  # label after a leading space
    assert texts[-1] == "Hassan:           Thank you. "
    # the page header (with a PAGE field) and whitespace-only paragraphs are not text
    assert not any("Ahmad Abd Rabou Interview" in text for text in texts)
    assert not any("PAGE" in text or "MERGEFORMAT" in text for text in texts)
    assert all(text.strip() for text in texts)


@needs_shared_data
def test_shared_special_characters() -> None:
    assert [b.text for b in read_docx(DATA / "en_qualcoder_test_file_specialchars.docx")] == [
        "This is a test. ",
        "Αυτή είναι μια δοκιμή.",
        "And here are some special characters: ",
        "‘single smart quotes’, “double smart quotes”",
        "It’s a test. (single smart quote as apostrophe)",
        "And here is an ellipsis: … ",
        "and a dash, n-dash, m-dash: ‐, –, — (for plain text: -, --, ---)",
    ]


@needs_shared_data
def test_shared_files_agree_with_python_docx() -> None:
    """For documents without fields or tables, our paragraphs are python-docx's non-empty ones."""
    for name in ("de_haski_interview3_I-S5-S6.docx", "en_us_presidential_debate_2012-10-03.docx",
                 "en_oral_history_interview_messy-layout.docx", "en_qualcoder_test_file_specialchars.docx"):
        expected = [par.text for par in docx.Document(str(DATA / name)).paragraphs if par.text.strip()]
        assert [b.text for b in read_docx(DATA / name)] == expected, name


# --- paragraphs --------------------------------------------------------------------------------------------------


def test_soft_breaks_and_tabs(tmp_path: Path) -> None:
    body = p(t("I:"), r("<w:tab/>"), t("eins"), r("<w:br/>"), t("zwei"), r("<w:cr/>"), t("drei"))
    assert read_body(tmp_path, body) == [Block("I:\teins\nzwei\ndrei")]


def test_runs_are_joined_without_separators(tmp_path: Path) -> None:
    body = p(t("Dr"), t(". We"), t("ber: "), t("Guten Tag"))
    assert read_body(tmp_path, body) == [Block("Dr. Weber: Guten Tag")]


def test_empty_and_whitespace_paragraphs_are_skipped(tmp_path: Path) -> None:
    body = p() + p(t("   ")) + p(r("<w:br/>")) + p(t("B1: ja")) + "<w:p/>"
    assert read_body(tmp_path, body) == [Block("B1: ja")]


def test_page_break_before_a_label_does_not_hide_it(tmp_path: Path) -> None:
    body = p(r('<w:br w:type="page"/>'), t("B1: weiter")) + p(t("Ende"), r("<w:br/>"))
    assert read_body(tmp_path, body) == [Block("B1: weiter"), Block("Ende")]


def test_complex_fields_keep_the_result_only(tmp_path: Path) -> None:
    body = (
        p(t("Siehe "), field(' HYPERLINK "https://example.org/a" \\o "Tip" ', t("die Webseite")), t("."))
        + p(t("Seite "), field(" PAGE   \\* MERGEFORMAT ", t("3")), t(" von "), field(" NUMPAGES ", t("9")))
        + p(field(" TC \"Eintrag\" ", ""), t("ohne Ergebnis"))
    )
    assert read_body(tmp_path, body) == [
        Block("Siehe die Webseite."), Block("Seite 3 von 9"), Block("ohne Ergebnis"),
    ]


def test_nested_field_inside_an_instruction_stays_hidden(tmp_path: Path) -> None:
    inner = field(" MERGEFIELD Name ", t("Meier"))
    outer = (
        r('<w:fldChar w:fldCharType="begin"/>') + r('<w:instrText> IF </w:instrText>') + inner
        + r('<w:instrText> = "Meier" "ja" "nein" </w:instrText>') + r('<w:fldChar w:fldCharType="separate"/>')
        + t("ja") + r('<w:fldChar w:fldCharType="end"/>')
    )
    assert read_body(tmp_path, p(t("Antwort: "), outer)) == [Block("Antwort: ja")]


def test_field_spanning_paragraphs(tmp_path: Path) -> None:
    body = (
        p(t("vorher"), r('<w:fldChar w:fldCharType="begin"/>'), r("<w:instrText> TOC \\o </w:instrText>"))
        + p(r('<w:fldChar w:fldCharType="separate"/>'), t("Inhalt 1"))
        + p(t("Inhalt 2"), r('<w:fldChar w:fldCharType="end"/>'))
        + p(t("danach"))
    )
    assert read_body(tmp_path, body) == [Block("vorher"), Block("Inhalt 1"), Block("Inhalt 2"), Block("danach")]


def test_simple_field_and_hyperlink_elements(tmp_path: Path) -> None:
    body = p(
        t("Seite "), '<w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple>', t(", "),
        '<w:hyperlink r:id="rId9" w:history="1"><w:r><w:t>Link-Text</w:t></w:r></w:hyperlink>',
    )
    assert read_body(tmp_path, body) == [Block("Seite 7, Link-Text")]


def test_tracked_changes(tmp_path: Path) -> None:
    body = p(
        t("Wir "),
        '<w:del w:id="1" w:author="A"><w:r><w:delText>haben nie</w:delText></w:r></w:del>',
        '<w:ins w:id="2" w:author="A"><w:r><w:t>hatten oft</w:t></w:r></w:ins>',
        t(" Probleme."),
        '<w:moveFrom w:id="3"><w:r><w:t>weg</w:t></w:r></w:moveFrom>',
        '<w:moveTo w:id="4"><w:r><w:t> Hier.</w:t></w:r></w:moveTo>',
    )
    assert read_body(tmp_path, body) == [Block("Wir hatten oft Probleme. Hier.")]


def test_footnotes_and_comments_are_not_text(tmp_path: Path) -> None:
    footnotes = (
        f'<w:footnotes {NAMESPACES}><w:footnote w:id="1"><w:p><w:r><w:t>FUSSNOTE</w:t></w:r></w:p>'
        "</w:footnote></w:footnotes>"
    )
    body = p(
        t("Text"), r('<w:footnoteReference w:id="1"/>'), '<w:commentRangeStart w:id="0"/>', t(" weiter"),
        '<w:commentRangeEnd w:id="0"/>', r('<w:commentReference w:id="0"/>'),
    )
    path = write_docx(tmp_path / "t.docx", body, extra={"word/footnotes.xml": footnotes})
    assert read_docx(path) == [Block("Text weiter")]


def test_content_controls_smart_tags_and_alternate_content(tmp_path: Path) -> None:
    body = (
        '<w:sdt><w:sdtPr><w:alias w:val="Titel"/></w:sdtPr><w:sdtContent>'
        + p(t("In einem Steuerelement"))
        + "</w:sdtContent></w:sdt>"
        + p(
            '<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>inline</w:t></w:r></w:sdtContent></w:sdt>',
            '<w:smartTag w:element="place"><w:r><w:t> Köln</w:t></w:r></w:smartTag>',
            '<w:r><mc:AlternateContent><mc:Choice Requires="w14"><w:sym w:font="MS Gothic" w:char="2612"/>'
            "</mc:Choice><mc:Fallback><w:t>☒</w:t></mc:Fallback></mc:AlternateContent></w:r>",
        )
    )
    assert read_body(tmp_path, body) == [Block("In einem Steuerelement"), Block("inline Köln☒")]


def test_drawings_and_text_boxes_are_skipped(tmp_path: Path) -> None:
    body = p(t("vor "), r("<w:drawing><w:txbxContent><w:p><w:r><w:t>BOX</w:t></w:r></w:p></w:txbxContent></w:drawing>"),
             t("nach"))
    assert read_body(tmp_path, body) == [Block("vor nach")]


def test_text_is_canonical(tmp_path: Path) -> None:
    body = p(t("Mu\u0308ller&#13;zwei&#13;&#10;drei\u2028vier"))
    assert read_body(tmp_path, body) == [Block("Müller\nzwei\ndrei\nvier")]


def test_strict_ooxml_namespace(tmp_path: Path) -> None:
    strict = 'xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"'
    path = write_docx(tmp_path / "strict.docx", p(t("I: strikt")), namespaces=strict)
    assert read_docx(path) == [Block("I: strikt")]


def test_main_part_found_through_relationships(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "t.docx", p(t("anderswo")), part="word/document2.xml")
    assert read_docx(path) == [Block("anderswo")]


def test_python_docx_document_with_header_footer_and_soft_break(tmp_path: Path) -> None:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "KOPFZEILE Projekt"
    section.footer.paragraphs[0].text = "FUSSZEILE Seite"
    document.add_heading("Fokusgruppe 1", level=1)
    paragraph = document.add_paragraph("Moderatorin: Erste Zeile")
    paragraph.runs[0].add_break()
    paragraph.add_run("zweite Zeile")
    paragraph.add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("")
    document.add_paragraph("B2: Antwort\tmit Tab")
    path = tmp_path / "fg.docx"
    document.save(str(path))
    assert read_docx(path) == [
        Block("Fokusgruppe 1"),
        Block("Moderatorin: Erste Zeile\nzweite Zeile"),
        Block("B2: Antwort\tmit Tab"),
    ]


def test_python_docx_hyperlink(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Mehr unter ")
    rel_id = paragraph.part.relate_to("https://example.org", docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK,
                                      is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "unserer Seite"
    run.append(text)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)
    paragraph.add_run(".")
    path = tmp_path / "link.docx"
    document.save(str(path))
    assert read_docx(path) == [Block("Mehr unter unserer Seite.")]


# --- tables ------------------------------------------------------------------------------------------------------


def add_table(document: docx.document.Document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            first, *more = value.split("\n\n")
            cell.text = first
            for extra in more:
                cell.add_paragraph(extra)


def test_speaker_text_table_in_body_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Transkript Fokusgruppe 2")
    add_table(document, [
        ["Interviewer", "Wie hat die Zusammenarbeit mit der Kammer funktioniert?"],
        ["B1:", "Gut, wir hatten feste Ansprechpartner.\n\nUnd kurze Wege."],
        ["", "(lacht) Meistens jedenfalls."],
        ["Dr. Weber", "Die Anerkennung dauert zu lange."],
        ["Interviewer", "Danke."],
    ])
    document.add_paragraph("Ende des Transkripts")
    path = tmp_path / "table.docx"
    document.save(str(path))
    assert read_docx(path) == [
        Block("Transkript Fokusgruppe 2"),
        Block("Wie hat die Zusammenarbeit mit der Kammer funktioniert?", speaker="Interviewer"),
        Block("Gut, wir hatten feste Ansprechpartner.\nUnd kurze Wege.", speaker="B1"),
        Block("(lacht) Meistens jedenfalls."),
        Block("Die Anerkennung dauert zu lange.", speaker="Dr. Weber"),
        Block("Danke.", speaker="Interviewer"),
        Block("Ende des Transkripts"),
    ]


def test_speaker_table_with_header_row(tmp_path: Path) -> None:
    document = docx.Document()
    add_table(document, [
        ["Sprecher", "Äußerung"],
        ["I", "Was hat Ihnen geholfen, in Ausbildung zu kommen, und was hat eher gebremst?"],
        ["B", "Vor allem die Sprachkurse, die parallel zur Ausbildung liefen, und mein Mentor."],
    ])
    path = tmp_path / "t.docx"
    document.save(str(path))
    assert read_docx(path) == [
        Block("Sprecher\tÄußerung"),
        Block("Was hat Ihnen geholfen, in Ausbildung zu kommen, und was hat eher gebremst?", speaker="I"),
        Block("Vor allem die Sprachkurse, die parallel zur Ausbildung liefen, und mein Mentor.", speaker="B"),
    ]


def test_other_tables_give_tab_separated_rows(tmp_path: Path) -> None:
    document = docx.Document()
    add_table(document, [["Zeit", "Sprecher", "Text"], ["00:01", "I", "Hallo"], ["", "", ""], ["00:05", "B", "Hi"]])
    add_table(document, [["Datum", "16.10.2014"], ["Ort", "Jobcenter"], ["Dauer", "90 min"]])  # key | value
    add_table(document, [["Frage 1", "Was ist wichtig für die Integration in Arbeit?"],
                         ["Frage 2", "Welche Maßnahmen haben geholfen, welche nicht?"],
                         ["Frage 3", "Was empfehlen Sie den Partnern im Netzwerk?"]])  # keys do not recur
    path = tmp_path / "t.docx"
    document.save(str(path))
    assert read_docx(path) == [
        Block("Zeit\tSprecher\tText"), Block("00:01\tI\tHallo"), Block("00:05\tB\tHi"),
        Block("Datum\t16.10.2014"), Block("Ort\tJobcenter"), Block("Dauer\t90 min"),
        Block("Frage 1\tWas ist wichtig für die Integration in Arbeit?"),
        Block("Frage 2\tWelche Maßnahmen haben geholfen, welche nicht?"),
        Block("Frage 3\tWas empfehlen Sie den Partnern im Netzwerk?"),
    ]


def test_two_turn_speaker_table_needs_speech_like_turns() -> None:
    assert table_blocks([["I:", "Was hat Ihnen bei der Suche nach einem Ausbildungsplatz geholfen?"],
                         ["B:", "Ehrlich gesagt vor allem meine Nachbarin, die im Betrieb arbeitet."]]) == [
        Block("Was hat Ihnen bei der Suche nach einem Ausbildungsplatz geholfen?", speaker="I"),
        Block("Ehrlich gesagt vor allem meine Nachbarin, die im Betrieb arbeitet.", speaker="B"),
    ]
    assert table_blocks([["Datum", "16.10.2014"], ["Ort", "Kairo"]]) == [
        Block("Datum\t16.10.2014"), Block("Ort\tKairo"),
    ]


def test_vertically_merged_label_continues_the_speaker(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "B1"
    table.cell(0, 1).text = "Erster Teil."
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(1, 1).text = "Zweiter Teil."
    table.cell(2, 0).text = "B1"
    table.cell(2, 1).text = "Dritter Teil."
    path = tmp_path / "t.docx"
    document.save(str(path))
    assert read_docx(path) == [
        Block("Erster Teil.", speaker="B1"), Block("Zweiter Teil.", speaker="B1"), Block("Dritter Teil.", speaker="B1"),
    ]


def test_nested_table_in_a_cell(tmp_path: Path) -> None:
    body = (
        "<w:tbl><w:tr><w:tc>" + p(t("außen")) + "<w:tbl><w:tr><w:tc>" + p(t("a")) + "</w:tc><w:tc>" + p(t("b"))
        + "</w:tc></w:tr></w:tbl></w:tc><w:tc>" + p(t("rechts")) + "</w:tc><w:tc>" + p(t("3"))
        + "</w:tc></w:tr></w:tbl>"
    )
    assert read_body(tmp_path, body) == [Block("außen\na\tb\trechts\t3")]


def test_table_blocks_directly() -> None:
    assert table_blocks([]) == []
    assert table_blocks([["A:", "eins zwei drei"], ["A:", "vier"], [None, "fünf"]]) == [
        Block("eins zwei drei", speaker="A"), Block("vier", speaker="A"), Block("fünf", speaker="A"),
    ]
    # line numbers and time marks are not speakers
    numbered = [["1", "Ja, genau so war das bei uns im Betrieb auch."], ["2", "Bei uns auch, ja, ganz genau."]]
    assert table_blocks(numbered) == [
        Block("1\tJa, genau so war das bei uns im Betrieb auch."), Block("2\tBei uns auch, ja, ganz genau."),
    ]
    assert table_blocks([["00:01:22", "a"], ["00:01:30", "a"]]) == [Block("00:01:22\ta"), Block("00:01:30\ta")]
    # sentences in the first column are not labels
    assert table_blocks([["Was denken Sie?", "x"], ["Was denken Sie?", "y"]]) == [
        Block("Was denken Sie?\tx"), Block("Was denken Sie?\ty"),
    ]


# --- bad input ------------------------------------------------------------------------------------------------


def test_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("just text", encoding="utf-8")
    with pytest.raises(ReaderError, match=r"notes\.docx: is not a Word document \(\.docx\)"):
        read_docx(path)


def test_old_doc_file_renamed(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000))
    with pytest.raises(ReaderError, match=r"\.doc, Word 97-2003"):
        read_docx(path)


@needs_shared_data
def test_truncated_docx(tmp_path: Path) -> None:
    whole = (DATA / "de_haski_interview3_I-S5-S6.docx").read_bytes()
    for cut in (10, 100, len(whole) // 2, len(whole) - 30):
        path = tmp_path / f"cut{cut}.docx"
        path.write_bytes(whole[:cut])
        with pytest.raises(ReaderError, match="cut"):
            read_docx(path)


def test_zip_without_document(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ReaderError, match="no main document part"):
        read_docx(path)


def test_workbook_renamed_to_docx(tmp_path: Path) -> None:
    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ReaderError, match="Excel workbook"):
        read_docx(path)


def test_malformed_document_xml(tmp_path: Path) -> None:
    path = tmp_path / "bad.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(ReaderError, match="bad.docx: is damaged: the part word/document.xml is not well-formed"):
        read_docx(path)


def test_non_utf8_document_xml_is_read_by_its_declaration(tmp_path: Path) -> None:
    xml = (f'<?xml version="1.0" encoding="ISO-8859-1"?><w:document {NAMESPACES}><w:body>'
           "<w:p><w:r><w:t>Grüße</w:t></w:r></w:p></w:body></w:document>").encode("latin-1")
    path = tmp_path / "latin.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", xml)
    assert read_docx(path) == [Block("Grüße")]
    with zipfile.ZipFile(path, "w") as archive:  # undeclared latin-1: not well-formed UTF-8
        archive.writestr("word/document.xml", xml.replace(b' encoding="ISO-8859-1"', b""))
    with pytest.raises(ReaderError, match="not well-formed"):
        read_docx(path)


@pytest.mark.parametrize(
    "body",
    [
        p("<w:hyperlink>" * 500 + t("tief") + "</w:hyperlink>" * 500),
        "<w:tbl>" + "<w:sdt>" * 5000 + "</w:sdt>" * 5000 + "</w:tbl>",
        "<w:tbl><w:tr><w:tc>" * 100 + p("<w:hyperlink>" * 150 + t("x") + "</w:hyperlink>" * 150)
        + "</w:tc></w:tr></w:tbl>" * 100,
        "<w:sdt><w:sdtContent>" * 3000 + "</w:sdtContent></w:sdt>" * 3000,
        p(r("<mc:AlternateContent><mc:Fallback>" * 3000 + "</mc:Fallback></mc:AlternateContent>" * 3000)),
    ],
    ids=["hyperlinks", "wrapped-rows", "tables-and-links", "content-controls", "alternate-content"],
)
def test_deep_nesting_is_refused(tmp_path: Path, body: str) -> None:
    with pytest.raises(ReaderError, match="nested more than"):
        read_body(tmp_path, body)


def test_moderately_nested_tables_are_read(tmp_path: Path) -> None:
    body = "<w:tbl><w:tr><w:tc>" * 20 + p(t("innen")) + "</w:tc></w:tr></w:tbl>" * 20
    assert read_body(tmp_path, body) == [Block("innen")]
