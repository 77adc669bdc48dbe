"""The diagrams of the state machines, generated from the code (``manage.py state_diagrams``).

Every model of the project's apps with a django-fsm ``FSMField`` is a machine. Its page in
``docs/state-machines/`` holds a Mermaid state diagram (GitHub draws it) and a table of its
transitions: the method's name, where it may start, where it ends, the conditions it checks and
the first line of its docstring (the law it applies). The pages are written from the transitions
themselves, so a test (``tests/test_state_diagrams.py``) fails when a page no longer matches the
code. Machines are found through Django's app registry, not imported, so this module depends on
no app above ``court``.
"""
from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models
from django_fsm import ANY_OTHER_STATE, ANY_STATE, FSMFieldMixin, Transition

DOCS = Path(settings.BASE_DIR) / "docs" / "state-machines"
GENERATED = "Generated from the code by `make diagrams` (`manage.py state_diagrams`): do not edit by hand."
#: The apps whose machines are drawn: the project's own, not Django's or a library's.
PROJECT_APPS = ("accounts", "court", "documents", "eligibility", "claims", "payments", "responses", "defended",
                "judgments")


@dataclass(frozen=True)
class Machine:
    model: type[models.Model]
    field: FSMFieldMixin

    @property
    def slug(self) -> str:
        return f"{self.model._meta.app_label}-{self.model._meta.model_name}"

    @property
    def title(self) -> str:
        return f"{self.model._meta.verbose_name.capitalize()} ({self.model._meta.app_label}.{self.model.__name__})"

    @property
    def states(self) -> list[tuple[str, str]]:
        return [(str(value), str(label)) for value, label in self.field.flatchoices]

    @property
    def initial(self) -> str:
        return str(self.field.get_default())

    def transitions(self) -> list[Transition]:
        order = {name: position for position, name in enumerate(self.methods())}
        return sorted(self.field.get_all_transitions(self.model), key=lambda t: (order[t.name], str(t.source)))

    def methods(self) -> Iterator[str]:
        """Transition methods in the order the model defines them."""
        seen = set()
        for klass in reversed(self.model.__mro__):
            for name in vars(klass):
                if name in seen or not hasattr(getattr(self.model, name, None), "_django_fsm"):
                    continue
                seen.add(name)
                yield name


def machines() -> list[Machine]:
    found = []
    for label in PROJECT_APPS:
        for model in apps.get_app_config(label).get_models():
            for field in model._meta.get_fields():
                if isinstance(field, FSMFieldMixin):
                    found.append(Machine(model, field))
    return sorted(found, key=lambda machine: machine.slug)


def _sources(machine: Machine, transition: Transition) -> list[str]:
    values = [value for value, _ in machine.states]
    if transition.source == ANY_STATE:
        return values
    if transition.source == ANY_OTHER_STATE:
        return [value for value in values if value != transition.target]
    return [str(transition.source)]


def _targets(transition: Transition) -> list[str]:
    allowed = getattr(transition.target, "allowed_states", None)
    if allowed is not None:
        return [str(state) for state in allowed]
    return [str(transition.target)] if transition.target is not None else []


def _conditions(transition: Transition) -> str:
    return ", ".join(getattr(condition, "__name__", str(condition)) for condition in transition.conditions)


def _doc(transition: Transition) -> str:
    doc = inspect.getdoc(transition.method) or ""
    return " ".join(doc.split("\n\n")[0].split())


def _node(value: str) -> str:
    return value.replace("-", "_")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def page(machine: Machine) -> str:
    """The machine's page: its diagram and its table of transitions."""
    lines = [f"# {machine.title}", "", GENERATED, ""]
    doc = machine.model.__doc__ or ""
    if doc and not doc.startswith(f"{machine.model.__name__}("):  # Django's stand-in: the fields, not a description
        lines += [" ".join(inspect.cleandoc(doc).split("\n\n")[0].split()), ""]
    lines += ["```mermaid", "stateDiagram-v2"]
    for value, label in machine.states:
        lines.append(f'    state "{label}" as {_node(value)}')
    lines.append(f"    [*] --> {_node(machine.initial)}")
    seen = set()
    for transition in machine.transitions():
        for source in _sources(machine, transition):
            for target in _targets(transition):
                edge = (source, target, transition.name)
                if edge in seen:
                    continue
                seen.add(edge)
                lines.append(f"    {_node(source)} --> {_node(target)} : {transition.name}")
    lines += ["```", "", "| transition | from | to | conditions | what it is |", "|---|---|---|---|---|"]
    labels = dict(machine.states)
    order = [value for value, _ in machine.states]
    rows: dict[str, tuple[Transition, list[str], list[str]]] = {}
    for transition in machine.transitions():  # one row a transition, however many states it may start from
        _, sources, targets = rows.setdefault(transition.name, (transition, [], []))
        sources += [value for value in _sources(machine, transition) if value not in sources]
        targets += [value for value in _targets(transition) if value not in targets]
    for name, (transition, sources, targets) in rows.items():
        sources.sort(key=lambda value: order.index(value) if value in order else len(order))
        source_text = ("any state" if transition.source == ANY_STATE
                       else ", ".join(labels.get(value, value) for value in sources))
        target_text = " or ".join(labels.get(value, value) for value in targets)
        lines.append(f"| `{name}` | {_cell(source_text)} | {_cell(target_text)} | "
                     f"{_cell(_conditions(transition))} | {_cell(_doc(transition))} |")
    return "\n".join(lines) + "\n"


def index(found: list[Machine]) -> str:
    lines = ["# State machines", "", GENERATED, "",
             "Each record with a lifecycle in law has its own machine; the claim's says where the claim is, and the "
             "others never contradict it (checked after every test: `tests/state_coherence.py`).", ""]
    lines += [f"- [{machine.title}]({machine.slug}.md): {len(machine.states)} states, "
              f"{len({t.name for t in machine.transitions()})} transitions" for machine in found]
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    """Every file ``docs/state-machines/`` should hold, by name."""
    found = machines()
    files = {f"{machine.slug}.md": page(machine) for machine in found}
    files["README.md"] = index(found)
    return files


def write(directory: Path = DOCS) -> list[str]:
    """Write the pages and remove any page of a machine that no longer exists. Returns what changed."""
    directory.mkdir(parents=True, exist_ok=True)
    wanted = pages()
    changed = []
    for name, text in wanted.items():
        path = directory / name
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
            changed.append(name)
    for path in directory.glob("*.md"):
        if path.name not in wanted:
            path.unlink()
            changed.append(path.name)
    return changed
