"""A site the manifest names by its town reaches the project as a case-study letter, never as the town."""

from __future__ import annotations

from pathlib import Path

from cmo_coder.ingest.speakers import SpeakerMap, load_manifest, with_site_codes
from cmo_coder.model.key import KeyEntry, ParticipantKey


def _key(*sites: str | None) -> ParticipantKey:
    return ParticipantKey(entries=[KeyEntry(label=f"SP{i}", name=f"Person {i}", role="staff", site=s)
                                   for i, s in enumerate(sites, 1)])


def test_towns_get_letters_the_manifest_does_not_use() -> None:
    key = with_site_codes(_key("Thornbury", "A", "Harrogate & Ripon", "Thornbury", None, "C"))
    assert key.site_codes == {"Thornbury": "B", "Harrogate & Ripon": "D"}
    assert [key.project_site(e.site) for e in key.entries] == ["B", "A", "D", "B", None, "C"]


def test_letters_never_change_when_sites_are_added() -> None:
    first = with_site_codes(_key("Thornbury", "Elmstead"))
    later = with_site_codes(first.model_copy(update={"entries": [
        KeyEntry(label="SP9", name="New Person", role="staff", site="Ashcombe"), *first.entries]}))
    assert later.site_codes == {**first.site_codes, "Ashcombe": "C"}
    assert with_site_codes(later) is later  # nothing new: the same key


def test_case_study_codes_are_left_as_written() -> None:
    key = with_site_codes(_key("A", "Site B", "Case Study C", "2"))
    assert key.site_codes == {}


def test_the_project_sees_letters_only(tmp_path: Path) -> None:
    manifest = tmp_path / "participants.csv"
    manifest.write_text("name,aliases,role,site,label\nAnn Lee,,staff,Thornbury,\nBo Kim,,carer,Elmstead,\n",
                        encoding="utf-8")
    smap = SpeakerMap(ParticipantKey())
    smap.apply_manifest(load_manifest(manifest), str(manifest))
    sites = {p.label: p.site for p in smap.participants()}
    assert sites == {"SP1": "A", "P1": "B"}
    assert "Thornbury" not in repr(smap.participants())
