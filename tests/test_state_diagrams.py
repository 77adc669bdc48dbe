"""The state machines' pages in docs/state-machines/ match the code (``make diagrams`` rewrites them)."""
from __future__ import annotations

from court import state_diagrams


def test_the_diagrams_in_the_repository_are_those_the_code_draws():
    wanted = state_diagrams.pages()
    on_disk = {path.name: path.read_text() for path in state_diagrams.DOCS.glob("*.md")}
    stale = sorted(name for name in wanted if on_disk.get(name) != wanted[name])
    extra = sorted(set(on_disk) - set(wanted))
    assert not stale and not extra, (
        f"docs/state-machines/ is stale (out of date: {stale}; no longer a machine: {extra}). Run `make diagrams`.")


def test_every_machine_has_a_page_naming_each_of_its_transitions():
    found = state_diagrams.machines()
    assert "claims-claim" in {machine.slug for machine in found}
    for machine in found:
        page = state_diagrams.page(machine)
        for transition in machine.transitions():
            assert f"`{transition.name}`" in page
            assert f": {transition.name}" in page  # an edge of the diagram


def test_a_changed_machine_makes_its_page_stale(tmp_path):
    state_diagrams.write(tmp_path)
    (tmp_path / "claims-claim.md").write_text("an old diagram\n")
    (tmp_path / "gone-machine.md").write_text("a machine that no longer exists\n")
    assert sorted(state_diagrams.write(tmp_path)) == ["claims-claim.md", "gone-machine.md"]
    assert not (tmp_path / "gone-machine.md").exists()
    assert state_diagrams.write(tmp_path) == []
