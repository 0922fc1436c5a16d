import json
from datetime import date, datetime

import pytest

from compass_tui.domain.assessment import (
    FeedbackInput,
    PassionInput,
    PersonalityInput,
    SkillInput,
    SwotInput,
)
from compass_tui.domain.entries import EntryInput
from compass_tui.services.assessment import AssessmentService, DuplicateNameError
from compass_tui.store.repository import Repository
from tests.conftest import fixed_clock


@pytest.fixture
def service(repo: Repository) -> AssessmentService:
    return AssessmentService(repo, fixed_clock)


def test_export_of_an_empty_assessment(service: AssessmentService) -> None:
    assert service.export_data() == {
        "skills": [], "feedback": [], "passions": [],
        "swot": {"strength": [], "weakness": [], "opportunity": [], "threat": []},
        "personality": [],
    }


def test_export_data_shape(service: AssessmentService, repo: Repository) -> None:
    python = service.add_skill(SkillInput(name="Python", category="technical", level=4,
                                          evidence="Shipped the billing service"))
    service.add_skill(SkillInput(name="Negotiation", category="soft", level=2, is_gap=True))
    service.add_feedback(FeedbackInput(skill_id=python.id, giver="Ana",
                                       given_on=date(2025, 3, 4), said="Clear code"))
    service.add_feedback(FeedbackInput(skill_id=python.id, giver="Ben", said="Good tests"))
    service.add_feedback(FeedbackInput(giver="Cleo", said="Calm in a crisis"))
    service.add_passion(PassionInput(kind="problem", text="Slow queries", tag="@perf"))
    writing = service.add_passion(PassionInput(kind="absorbs", text="Writing"))
    entry = repo.entries.add(EntryInput(entry_date=datetime(2025, 6, 1, 21, 5),
                                     title="Wrote till midnight"))
    service.link_entry(writing.id, entry.id)
    service.add_swot(SwotInput(quadrant="strength", text="Deep SQL"))
    service.add_swot(SwotInput(quadrant="strength", text="Teaching"))
    service.add_swot(SwotInput(quadrant="threat", text="Automation"))
    service.add_personality(PersonalityInput(framework="MBTI", result="INTJ",
                                             taken_on=date(2019, 5, 1), meaning="Planner"))
    service.add_personality(PersonalityInput(framework="Other", result="Builder"))

    data = service.export_data()
    assert data == {
        "skills": [
            {"name": "Negotiation", "category": "soft", "level": 2, "evidence": "",
             "is_gap": True, "feedback": []},
            {"name": "Python", "category": "technical", "level": 4,
             "evidence": "Shipped the billing service", "is_gap": False,
             "feedback": [
                 {"giver": "Ana", "given_on": "2025-03-04", "said": "Clear code"},
                 {"giver": "Ben", "given_on": None, "said": "Good tests"},
             ]},
        ],
        "feedback": [{"giver": "Cleo", "given_on": None, "said": "Calm in a crisis"}],
        "passions": [
            {"kind": "absorbs", "text": "Writing", "tag": "",
             "entries": [{"date": "2025-06-01 21:05", "title": "Wrote till midnight"}]},
            {"kind": "problem", "text": "Slow queries", "tag": "perf", "entries": []},
        ],
        "swot": {"strength": ["Deep SQL", "Teaching"], "weakness": [], "opportunity": [],
                 "threat": ["Automation"]},
        "personality": [
            {"framework": "MBTI", "result": "INTJ", "taken_on": "2019-05-01",
             "meaning": "Planner"},
            {"framework": "Other", "result": "Builder", "taken_on": None, "meaning": ""},
        ],
    }
    assert json.loads(json.dumps(data)) == data  # plain JSON, nothing lost on the way


def test_use_cases_reach_the_stores(repo: Repository, service: AssessmentService) -> None:
    service.add_skill(SkillInput(name="Go", category="technical", level=3))
    with pytest.raises(DuplicateNameError, match="'Go'"):
        service.add_skill(SkillInput(name=" go ", category="soft", level=1))
    assert [s.name for s in service.skills(category="technical")] == ["Go"]

    item = service.add_swot(SwotInput(quadrant="weakness", text="Public speaking"))
    assert service.move_swot(item.id, "opportunity").quadrant == "opportunity"
    assert [i.text for i in service.swot()["opportunity"]] == ["Public speaking"]
    assert service.swot()["weakness"] == []

    saved = repo.entries.add(EntryInput(entry_date=datetime(2026, 3, 1, 9), title="Wrote",
                                        tags=["writing"]))
    passion = service.add_passion(PassionInput(kind="absorbs", text="Writing", tag="writing"))
    assert [s.id for s in service.passion_entries(passion.id)] == [saved.id]


def test_a_personality_result_is_never_dated_in_the_future(repo: Repository) -> None:
    service = AssessmentService(repo, fixed_clock)  # 15 Mar 2026
    with pytest.raises(ValueError, match="2027-03-01 is still to come"):
        service.add_personality(PersonalityInput(framework="MBTI", result="INTJ",
                                                 taken_on=date(2027, 3, 1)))
    assert repo.personality.list() == []
    saved = service.add_personality(PersonalityInput(framework="MBTI", result="INTJ",
                                                     taken_on=date(2026, 3, 15)))
    with pytest.raises(ValueError, match="still to come"):
        service.update_personality(saved.id, PersonalityInput(
            framework="MBTI", result="INTJ", taken_on=date(2026, 3, 16)))
    assert repo.personality.list()[0].taken_on == date(2026, 3, 15)
