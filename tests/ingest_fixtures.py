"""Invented transcripts in every supported format, written the way each tool writes them."""

from __future__ import annotations

from pathlib import Path

from docx import Document

TEAMS_VTT = """WEBVTT

3f2a9c1e-77b0-4d1a-9a55-2b1e0c9d8e11/17-0
00:00:03.120 --> 00:00:07.480
<v Adams, Jennifer (She/Her)>Thanks for joining. I'd like to start by asking how</v>

3f2a9c1e-77b0-4d1a-9a55-2b1e0c9d8e11/17-1
00:00:07.480 --> 00:00:10.020
<v Adams, Jennifer (She/Her)>the recovery college first came up for you.</v>

3f2a9c1e-77b0-4d1a-9a55-2b1e0c9d8e11/19-0
00:00:14.900 --> 00:00:18.300
<v Luc&#237;a Far&#237;as (Guest)><lang es-ES>Well, my care coordinator mentioned it</lang> &amp; I was
wary at first.</v>

3f2a9c1e-77b0-4d1a-9a55-2b1e0c9d8e11/18-0
00:00:11.000 --> 00:00:14.950
<v Luc&#237;a Far&#237;as (Guest)>Sorry, can you hear me?</v>

3f2a9c1e-77b0-4d1a-9a55-2b1e0c9d8e11/20-0
00:00:19.000 --> 00:00:21.500
<v Adams, Jennifer (She/Her)>That&#39;s helpful, thank you.</v>
"""

ZOOM_VTT = (
    "WEBVTT\r\n\r\n1\r\n00:00:01.000 --> 00:00:04.200\r\nDr Sam Okafor: Shall we begin? The recording is on.\r\n\r\n"
    "2\r\n00:00:04.500 --> 00:00:06.000\r\nGalaxy S21: Yes, I can hear you fine.\r\n\r\n"
    "3\r\n00:00:06.100 --> 00:00:09.000\r\nGalaxy S21: The groups helped me most.\r\n\r\n"
    "4\r\n00:00:09.200 --> 00:00:11.000\r\nNote: the room was noisy that day, I think.\r\n\r\n"
    "5\r\n00:00:11.500 --> 00:00:13.000\r\nDr Sam Okafor: Okay. Why was that?\r\n"
)

ZOOM_CAPTIONS = (
    "[Dr Sam Okafor] 23:59:50\r\nWelcome back, everyone.\r\n\r\n[Dr Sam Okafor] 23:59:55\r\nLet's continue.\r\n\r\n"
    "[Priya Shah] 00:00:05\r\nI found the peer trainers\r\nreally easy to talk to.\r\n\r\n"
)

ZOOM_CHAT = "00:01:02\tSam Okafor:\tHello all\n00:01:30\tPriya Shah:\tcan you share the link?\n"

OTTER_TXT = """SUMMARY KEYWORDS
recovery, college, course, peer

SPEAKERS
Priya Shah, Tom Baker

Tom Baker  0:02
So tell me about the first course you went on.

Priya Shah  0:09
It was the wellbeing one. I nearly didn't go
because of the bus.

But the peer trainer rang me the day before.

Tom Baker  1:15
That's a nice touch.



Transcribed by https://otter.ai
"""

SRT = """1
00:00:01,000 --> 00:00:03,000
Interviewer: How long have you worked on the ward?

2
00:00:03,500 --> 00:00:06,000
Respondent: About six years now,

3
00:00:06,000 --> 00:00:08,000
mostly nights.

4
00:00:08,500 --> 00:00:10,000
Interviewer: And the college?
"""

PLAIN = """Interview with a staff member, site B

I: Could you tell me about your role?
R: I'm a support worker. I've been here
since 2019, mostly on the early shift.

Before that I was in a care home.
I: Thanks.
"""


def teams_docx(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("Recovery college interview 12")
    doc.add_paragraph("March 3, 2025, 10:02AM")
    doc.add_paragraph("38m 12s")
    doc.add_paragraph("Jennifer Adams started transcription")
    for header, lines in [
        ("Jennifer Adams   0:03", ["Thanks for joining.", "How did you hear about the college?"]),
        ("Lucía Farías   0:11", ["My care coordinator told me &", "I signed up that week."]),
        ("Lucía Farías   1:02:05", ["It was a long time ago now."]),
    ]:
        p = doc.add_paragraph()
        run = p.add_run(header)
        for line in lines:
            run.add_break()
            run = p.add_run(line)
    doc.add_paragraph("Jennifer Adams stopped transcription")
    doc.save(path)
    return path


def plain_docx(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("Interviewer: What made you stay on the course?")
    doc.add_paragraph("Respondent: The people, honestly.")
    doc.add_paragraph("It felt like nobody judged you.")
    doc.add_paragraph("Interviewer: Thank you.")
    doc.save(path)
    return path


def otter_docx(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("Focus group 2")
    doc.add_paragraph("Tom Baker  0:00")
    doc.add_paragraph("Welcome, everyone.")
    doc.add_paragraph("Priya Shah  0:05")
    doc.add_paragraph("Thanks for having us.")
    doc.add_paragraph("Transcribed by https://otter.ai")
    doc.save(path)
    return path
