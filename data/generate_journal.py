"""Generate a large, realistic career journal for benchmarks.

    python data/generate_journal.py --entries 100000 --db out/journal.db \
        [--jrnl-text out/journal.txt] [--seed 1] [--end-date 2026-01-31] [--force]

Entries are written through the Repository (`repo.entries.add_many`) in one
transaction, so the full-text triggers and the tag tables are exercised exactly
as the app exercises them. The same entries can also be written in jrnl's plain
text format (config `timeformat: "%Y-%m-%d %H:%M"`, `tagsymbols: "@"`), with the
tags inline as @tag on the last line of the body.

The text is deterministic for a seed. Dates end on --end-date (default:
yesterday), walking back one day at a time with 1-5 entries a day, so N entries
span about N/3 days.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TextIO

# -- vocabulary ---------------------------------------------------------------
# Slots ({person}, {project}, ...) are filled at random, so the fragments below
# yield many more distinct sentences and a realistic spread of words to search.

SLOTS: dict[str, tuple[str, ...]] = {
    "person": (
        "Ana", "Ben", "Chiara", "Dev", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas",
        "Kemi", "Lars", "Maya", "Nikhil", "Olga", "Pablo", "Quinn", "Rosa", "Sven", "Tariq",
        "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe", "Priya", "Mateo", "Hannah", "Omar",
    ),
    "project": (
        "the billing migration", "the onboarding revamp", "the search rewrite",
        "the data pipeline", "the mobile app", "the pricing page", "the design system",
        "the API gateway", "the analytics dashboard", "the warehouse cutover",
        "the accessibility audit", "the notifications service", "the checkout flow",
        "the internal wiki", "the reporting tool", "the customer portal",
        "the recommendation engine", "the on-call tooling", "the cost review",
        "the SSO integration", "the offline mode", "the localisation work",
        "the partner API", "the load tests", "the quarterly roadmap",
    ),
    "skill": (
        "system design", "public speaking", "Rust", "SQL tuning", "negotiation",
        "product thinking", "statistics", "technical writing", "Kubernetes",
        "facilitation", "TypeScript", "machine learning", "accessibility", "Go",
        "coaching conversations", "financial modelling", "user research", "Python typing",
        "distributed tracing", "estimation", "storytelling with data", "security reviews",
        "hiring interviews", "conflict resolution", "prioritisation",
    ),
    "company": (
        "Northwind", "Fabrikam", "Globex", "Initech", "Umbrella Health", "Stark Logistics",
        "Wayfarer", "Bluebird Labs", "Helix Energy", "Orbital Foods", "Kestrel Bank",
        "Lumen Learning", "Tidewater", "Quarry Games", "Cinder Studio",
    ),
    "team": (
        "the platform team", "the growth squad", "the data team", "design",
        "the support leads", "the infra group", "the product trio", "sales engineering",
        "the security folks", "the mobile team",
    ),
    "day": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "the weekend"),
    "feeling": (
        "drained", "oddly calm", "restless", "energised", "scattered", "proud",
        "anxious", "grateful", "flat", "curious", "frustrated", "hopeful",
    ),
    "hours": ("two", "three", "four", "five", "six"),
    "book": (
        "Thinking in Systems", "The Manager's Path", "Deep Work", "An Elegant Puzzle",
        "Range", "Working in Public", "Four Thousand Weeks", "The Culture Map",
        "Designing Data-Intensive Applications", "Radical Candor", "Staff Engineer",
    ),
}

THEMES: dict[str, tuple[str, ...]] = {
    "meetings": (
        "The weekly sync with {team} ran long again.",
        "Spent most of the morning in back-to-back meetings.",
        "The planning meeting finally produced a decision on {project}.",
        "I said almost nothing in the architecture review and regret it.",
        "{person} ran the retro well and we left with three concrete actions.",
        "Cancelled two recurring meetings that nobody would miss.",
        "The all-hands was mostly slides about the reorganisation.",
        "A thirty minute call turned into ninety because nobody owned the agenda.",
        "I wrote a one-page agenda before the meeting and it changed the whole tone.",
        "Stand-up is becoming a status report for the manager instead of a team check.",
        "The cross-team meeting about {project} was tense but useful.",
        "I interrupted {person} twice in the meeting and should apologise.",
        "We agreed to move the design discussion to a written doc first.",
        "The kickoff for {project} had too many people in the room.",
        "{person} asked the question everyone was avoiding.",
        "I blocked my calendar on {day} mornings for meeting-free work.",
        "The steering committee wants weekly updates on {project} from now on.",
        "I presented the quarterly numbers and the questions were sharper than expected.",
        "We spent an hour debating naming and left without a decision.",
        "The customer call went well once we stopped pitching and started listening.",
        "I noticed I perform differently when my manager is in the meeting.",
        "Our team meeting had real energy today.",
        "Ran the meeting with a timer and we finished early for once.",
        "Someone finally asked what the meeting was for.",
        "I took notes for the group and it helped me follow the thread.",
    ),
    "projects": (
        "{project} finally has a working prototype.",
        "Picked up {project} again after two weeks away.",
        "The scope of {project} keeps growing and nobody is saying no.",
        "I rewrote the core of {project} and deleted more code than I added.",
        "The estimate for {project} was off by a factor of three.",
        "We cut the nice-to-haves from {project} to make the date.",
        "Paired with {person} on {project} for most of the afternoon.",
        "The migration script for {project} ran cleanly on the staging data.",
        "I found the root cause of the flaky tests in {project}.",
        "{project} is the first thing in a while that feels like mine.",
        "The team is split on whether {project} should be a rewrite or a refactor.",
        "Wrote the design doc for {project} and shared it for comments.",
        "The dependency upgrade in {project} broke three services.",
        "Demoed {project} to {team} and got good questions.",
        "We are waiting on legal before {project} can launch.",
        "Spent the day on plumbing work for {project} that nobody will see.",
        "The side project is moving slowly but it is fun again.",
        "I finally wrote tests for the parts of {project} that scare me.",
        "The performance work on {project} cut page load by half.",
        "{project} slipped another sprint and I feel responsible.",
        "Handed {project} over to {person} with a long handover note.",
        "We shipped a small slice of {project} behind a feature flag.",
        "The backlog for {project} is mostly wishes, not work.",
        "I mapped the data flow of {project} on paper and it finally made sense.",
        "Every decision on {project} seems to need three approvals.",
        "The pilot users of {project} found bugs we never imagined.",
    ),
    "learning": (
        "Spent an hour reading about {skill}.",
        "Finished the course module on {skill} and did the exercises.",
        "I learned more from one bug today than from a week of tutorials.",
        "Started reading {book} on the train.",
        "A chapter of {book} changed how I think about my week.",
        "I want to get properly good at {skill} this year.",
        "Watched {person} debug a production issue and took notes on the method.",
        "Practised {skill} for thirty minutes before work.",
        "I tried to explain {skill} to a colleague and found the gaps in my understanding.",
        "Signed up for a workshop on {skill} next month.",
        "The conference talk on {skill} was the best hour of the week.",
        "Took the long way to understand the database internals instead of copying a fix.",
        "My notes from last month on {skill} are already useful.",
        "I keep collecting resources about {skill} instead of practising.",
        "Wrote a short explainer on {skill} for the team wiki.",
        "Learning in public is uncomfortable but it works.",
        "I spent the evening building a toy version of {project} to learn the ideas.",
        "Code review from {person} taught me a new idiom.",
        "The certification exam is booked for the end of the quarter.",
        "Realised I learn best by teaching, so I offered a lunch session.",
        "Read the source code of a library instead of its docs and it was clearer.",
        "I am slowly building a habit of reading one paper a week.",
        "Spaced repetition for {skill} is finally sticking.",
        "The new Python release notes had more interesting changes than I expected.",
    ),
    "setbacks": (
        "The demo for {project} fell apart in front of the client.",
        "I missed a deadline and had to tell {person} directly.",
        "My proposal for {project} was turned down without much explanation.",
        "A production incident ate the whole day.",
        "I made a mistake in the data export and it reached customers.",
        "Got passed over for the lead role on {project}.",
        "The promotion packet came back with a not yet.",
        "I lost my temper in a code review and need to repair that.",
        "The reorganisation moved my team under a new director.",
        "Two weeks of work on {project} were thrown away after a strategy change.",
        "The interview with {company} ended in a polite rejection.",
        "I underestimated how long the migration would take, again.",
        "A key person on the team handed in their notice.",
        "The budget for {project} was cut in half.",
        "My talk proposal was rejected by the conference.",
        "I spent hours on a bug that turned out to be a typo in a config file.",
        "The launch was rolled back after ten minutes.",
        "Felt invisible in the planning session.",
        "The feedback on my writing stung more than it should have.",
        "I committed to too much this sprint and dropped things.",
        "Our best customer is threatening to leave.",
        "The hiring freeze means {project} stays understaffed.",
        "I was wrong about the architecture and it cost us a month.",
    ),
    "wins": (
        "Shipped the {project} release without a single rollback.",
        "{person} thanked me in public for unblocking the team.",
        "The customer who complained most wrote to say the fix worked.",
        "My pull request was merged on the first review.",
        "Got the go-ahead to lead {project}.",
        "The talk went well and three people asked for the slides.",
        "Closed the oldest ticket in the backlog.",
        "We hit the quarterly goal two weeks early.",
        "The offer from {company} came through.",
        "I said no to a project that did not fit and felt good about it.",
        "The on-call week was quiet thanks to the alerting work.",
        "My manager said the promotion case is strong.",
        "I finally understood the billing system end to end.",
        "The new hire I interviewed turned out to be brilliant.",
        "We reduced the cloud bill by a fifth.",
        "The accessibility fixes got a thank-you note from a user.",
        "I finished the side project and put it online.",
        "A small win today, but a real one.",
        "The runbook I wrote saved someone at three in the morning.",
        "Presented to the leadership team and it landed.",
        "{team} adopted the process I proposed.",
        "My open-source patch was accepted upstream.",
    ),
    "energy": (
        "Slept badly and felt it by mid-afternoon.",
        "Went for a run at lunch and the afternoon was sharper.",
        "Energy was low all day and I did only shallow work.",
        "I felt {feeling} for most of the day.",
        "Took a proper lunch break away from the screen.",
        "The commute was long and I arrived {feeling}.",
        "Worked {hours} hours straight and paid for it in the evening.",
        "I noticed the early signs of burnout and took the afternoon off.",
        "A walk around the block reset my mood.",
        "Too much coffee, not enough water.",
        "I am sleeping better since I stopped checking email at night.",
        "My back hurts from the bad chair and I need to fix the desk.",
        "The morning was productive and the afternoon was mush.",
        "Felt {feeling} after the last call and could not switch off.",
        "Weekend recharge worked and I started the week rested.",
        "I skipped the gym three days in a row.",
        "Cooked a real dinner instead of ordering in.",
        "My focus comes back after a short nap, which feels like cheating.",
        "The time off next week cannot come soon enough.",
        "Health first is easy to say and hard to do on a deadline week.",
        "Meditated for ten minutes and the day felt less rushed.",
        "I felt {feeling} but still did the important thing first.",
    ),
    "values": (
        "I keep coming back to the question of what work I would do for free.",
        "Autonomy matters more to me than the title.",
        "Today I did work that felt aligned with what I care about.",
        "I want my work to help people who are not in the room.",
        "The salary conversation made me think about what enough means.",
        "I admire how {person} protects time for family without apology.",
        "Craft matters to me even when nobody notices the details.",
        "I am tired of building features I would not use myself.",
        "The ethics question about the tracking data is still bothering me.",
        "I want to be known as someone who makes others better.",
        "Reread my values list and two items no longer feel true.",
        "Working on something with purpose makes the hard days bearable.",
        "I have been thinking about a sabbatical to step back and reflect.",
        "Money is not the reason I stay, the people are.",
        "I want more depth and less breadth in the next role.",
        "Honesty in status updates is a value I will defend.",
        "I care more about learning than about being right.",
        "Fairness in how work is assigned is something I want to improve here.",
        "Where do I want to be in five years, and does this job lead there?",
        "Impact over activity is my rule for the coming quarter.",
        "I realised I value calm teams over fast ones.",
        "I keep choosing the safe option and wonder what that costs me.",
    ),
    "feedback": (
        "{person} told me my updates are too long.",
        "I got feedback that I come across as impatient in reviews.",
        "The peer review said I should delegate more.",
        "I asked {person} for candid feedback and got it.",
        "Gave {person} difficult feedback and it went better than feared.",
        "My manager said I should speak up earlier in design discussions.",
        "The survey results for the team were sobering.",
        "Someone said my documentation is the best in the department.",
        "I need to get better at receiving praise without deflecting.",
        "The feedback on the proposal was mostly about the framing, not the idea.",
        "I wrote down the feedback so I stop arguing with it in my head.",
        "The performance review is next week and I am preparing examples.",
        "Feedback from the customer interviews contradicts our roadmap.",
        "{person} pointed out a blind spot in how I run meetings.",
        "I gave praise in the team channel for the first time in ages.",
        "The skip-level said my work is visible but my thinking is not.",
        "I want a regular feedback loop, not a yearly surprise.",
        "Received a long, thoughtful code review and learned a lot from it.",
        "I asked the team what I should stop doing.",
        "My self-review was harsher than my manager's review.",
        "{person} said my estimates are always optimistic, and they are right.",
        "The design critique was brutal but fair.",
        "I followed up on last month's feedback and {person} noticed the change.",
        "Anonymous feedback is useful but hard to act on.",
        "Got a thank-you for a code review I almost rushed.",
    ),
    "leadership": (
        "Ran my first one-on-one with {person} as their lead.",
        "I am learning that leadership is mostly about context, not control.",
        "Had to make a call on {project} with half the information.",
        "The team needs clearer priorities and that is my job.",
        "I delegated the release to {person} and resisted checking in.",
        "Leading without authority across teams is slow work.",
        "Wrote the team charter and shared it for comments.",
        "I spent the day unblocking others and wrote no code.",
        "Hiring plan for next year is taking shape.",
        "I need to stop being the hero during incidents.",
        "The tech lead role is more writing than I expected.",
        "A hard conversation with {person} about performance.",
        "I am trying to lead by asking questions instead of giving answers.",
        "Set up a rotation so knowledge of {project} is shared.",
        "Leadership offsite next week and I have been asked to present.",
        "I covered for the manager and saw how much invisible work the role has.",
        "Made space in the retro for the quieter people to speak.",
        "The team trusted me with bad news early and that felt like progress.",
        "I should celebrate the team's wins more visibly.",
        "Decided to say the uncomfortable thing in the leads meeting.",
        "Shielded the team from a noisy escalation so they could finish the release.",
        "I wrote down the decisions I made this week and the reasons behind them.",
        "Asked {person} what support they need and listened instead of fixing.",
        "Our team health check showed trust going up and clarity going down.",
        "Explained the strategy to the team in plain words and it finally clicked.",
    ),
    "job_search": (
        "Second-round interview at {company} went better than expected.",
        "A recruiter from {company} reached out about a staff role.",
        "Updated my CV for the first time in three years.",
        "The take-home exercise for {company} took a whole weekend.",
        "I practised system design interview questions with {person}.",
        "Turned down the interview with {company} because the role felt wrong.",
        "The interview loop at {company} was long but respectful.",
        "Negotiated the offer and got more than I expected.",
        "I am not sure whether I want to leave or just want a change.",
        "Coffee chat with someone from {company} about their culture.",
        "My portfolio site needs real case studies.",
        "The behavioural interview questions caught me off guard.",
        "Reference calls are done and now I wait.",
        "Two offers on the table and a spreadsheet that does not help.",
        "I told my manager I am exploring options.",
        "Rewrote my LinkedIn summary to match the career I want.",
        "The recruiter at {company} could not tell me what the team actually does.",
        "I asked {company} about their on-call load and the answer was vague.",
        "A friend at {company} offered to refer me.",
        "Mapped out what I want from the next role before replying to anyone.",
        "The salary band for the role at {company} is lower than I hoped.",
    ),
    "focus": (
        "Blocked {hours} hours of focus time and actually kept it.",
        "Notifications off all morning, and the deep work happened.",
        "Context switching between {project} and support destroyed the day.",
        "Tried time-boxing tasks to twenty-five minutes and liked it.",
        "My to-do list has forty items and three of them matter.",
        "Planned the week on {day} evening and it paid off.",
        "I closed every browser tab and started fresh.",
        "The open office was loud so I worked from the library.",
        "Spent the first hour on the hardest task, before email.",
        "I got nothing done that I planned and plenty that I did not.",
        "Wrote a not-to-do list for the quarter.",
        "A clean desk and a single task made a surprising difference.",
        "Chat interruptions are the real enemy of focus here.",
        "The weekly review habit is holding for the third week.",
        "I batch all the small admin tasks into {day} afternoon now.",
        "Deep work on {project} for the whole afternoon felt wonderful.",
        "Said no to a last-minute request and protected the plan for the day.",
        "Turned the phone face down and finished the review in one sitting.",
        "Wrote the three most important tasks on a sticky note and stuck to them.",
        "The afternoon slump hit at three, as it always does.",
        "I keep mistaking busyness for progress.",
    ),
    "mentoring": (
        "Had coffee with my mentor {person} and talked about the next step.",
        "My mentor asked what I would regret not trying.",
        "Started mentoring a junior engineer on {team}.",
        "The mentorship programme paired me with {person}.",
        "My mentee shipped their first feature and I was proud.",
        "Asked my mentor how to handle the reorganisation.",
        "Mentoring {person} is teaching me as much as it teaches them.",
        "My mentor suggested I write more and talk less in design reviews.",
        "Monthly mentor call today, and the advice was blunt.",
        "I want to find a mentor outside engineering.",
        "The mentoring session was about saying no gracefully.",
        "My mentee asked a question I could not answer, which was humbling.",
    ),
}

# One-off events: one of these lands in about 2 % of entries, so each sentence
# (and words such as "Reykjavik") is found in only a few dozen of 100,000.
RARE_EVENTS: tuple[str, ...] = (
    "My flight home was cancelled and I worked from an airport lounge in Reykjavik.",
    "The fire alarm went off in the middle of the board presentation.",
    "Volunteered at the coding club for teenagers and loved their questions.",
    "A former colleague asked me to be a reference for a job in Nairobi.",
    "Our office cat walked across the keyboard during the live demo.",
    "I judged a student hackathon and saw a brilliant idea about composting.",
    "The power cut took the whole building offline for an afternoon.",
    "Got a handwritten letter from a customer, which never happens.",
    "I was interviewed for a podcast about careers in software.",
    "The team went bouldering together and I was terrible at it.",
    "Spent the day at a retreat in a converted monastery.",
    "I found my first performance review from ten years ago in a drawer.",
    "Someone from my bootcamp cohort is now a vice president.",
    "A typo in my email reached the entire company of eight hundred people.",
    "Attended a lecture on medieval guilds and thought about apprenticeships.",
    "My laptop died and I rebuilt my setup from scratch on a loaner.",
    "The hackathon project from last year is now a real product line.",
    "I read my old journal from university and barely recognised the writer.",
    "We hosted a delegation of engineers from a partner in Osaka.",
    "The snowstorm closed the office and the team was oddly productive at home.",
    "A stranger on the train was reading the same book and we talked for an hour.",
    "I taught my grandmother to video call and it felt like real user research.",
    "The company anniversary party had a jazz trio and awkward speeches.",
    "Took part in a charity bake sale and sold out of cardamom buns.",
    "Signed up for a pottery class to have one thing with no metrics.",
    "Our biggest competitor was acquired, and the mood here shifted overnight.",
    "I discovered a decade-old easter egg hidden in the codebase.",
    "A keynote speaker quoted a blog post I wrote years ago.",
    "I sat on a panel about neurodiversity at work.",
    "The coffee machine broke and productivity visibly dropped.",
    "My old manager called out of the blue to catch up.",
    "We celebrated a colleague's citizenship with a surprise lunch.",
)
RARE_EVENT_RATE = 0.02

# Primary-theme weights: meetings and projects are everyday, mentoring is rare.
THEME_WEIGHTS: dict[str, float] = {
    "meetings": 16, "projects": 16, "learning": 12, "energy": 10, "setbacks": 9,
    "wins": 9, "values": 7, "feedback": 7, "focus": 7, "leadership": 6,
    "job_search": 4, "mentoring": 2.2,
}
# Secondary themes add colour; mentoring almost never appears as a side note.
SECONDARY_WEIGHTS: dict[str, float] = {**THEME_WEIGHTS, "mentoring": 0.4}

# ~40 tags, roughly Zipf-skewed: the first ones are common, the last rare.
TAG_WEIGHTS: dict[str, float] = {
    "work": 30, "meetings": 18, "learning": 16, "project": 14, "health": 12,
    "team": 11, "feedback": 10, "energy": 9, "leadership": 8, "python": 7,
    "product": 7, "win": 6, "setback": 6, "focus": 5, "reading": 5,
    "values": 4.5, "career": 4.5, "manager": 4, "writing": 4, "planning": 3.5,
    "burnout": 3, "interview": 3, "side-project": 3, "hiring": 2.5, "oncall": 2.5,
    "design": 2.2, "promotion": 2, "salary": 1.8, "conference": 1.6, "mentor": 1.5,
    "rust": 1.3, "sql": 1.2, "remote": 1.1, "travel": 1.0, "family": 0.9,
    "gratitude": 0.8, "ethics": 0.6, "sabbatical": 0.4, "negotiation": 0.4,
    "open-source": 0.3,
}
THEME_TAGS: dict[str, tuple[str, ...]] = {
    "meetings": ("meetings", "team", "work"),
    "projects": ("project", "work", "product", "python", "design"),
    "learning": ("learning", "reading", "python", "rust", "sql"),
    "setbacks": ("setback", "work", "burnout"),
    "wins": ("win", "gratitude", "promotion"),
    "energy": ("energy", "health", "burnout"),
    "values": ("values", "career", "ethics"),
    "feedback": ("feedback", "manager", "writing"),
    "focus": ("focus", "planning"),
    "leadership": ("leadership", "team", "hiring"),
    "job_search": ("interview", "career", "salary", "negotiation"),
    "mentoring": ("mentor", "career", "learning"),
}
# Tags only given by their theme, so a tag search stays as rare as the theme.
THEME_ONLY_TAGS = frozenset({"mentor"})
TAG_COUNT_WEIGHTS = (25, 35, 25, 10, 5)  # 0, 1, 2, 3 or 4 tags

STAR_RATE = 0.05
RATED_RATE = 0.6
RATING_WEIGHTS = (5, 15, 35, 30, 15)  # 1..5


@dataclass(frozen=True)
class GeneratedEntry:
    when: datetime
    title: str
    body: str
    tags: list[str]
    starred: bool
    energy: int | None
    fulfilment: int | None


class _Slots(dict[str, str]):
    """format_map() helper: every {slot} is a fresh random pick."""

    def __init__(self, rng: random.Random) -> None:
        super().__init__()
        self._rng = rng

    def __missing__(self, key: str) -> str:
        return self._rng.choice(SLOTS[key])


def _capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


class EntryWriter:
    """Deterministic entry text for one seed."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.slots = _Slots(rng)
        self.themes = list(THEME_WEIGHTS)
        self.theme_cum = _cumulative(THEME_WEIGHTS.values())
        self.secondary_cum = _cumulative(SECONDARY_WEIGHTS[t] for t in self.themes)
        self.tag_names = [t for t in TAG_WEIGHTS if t not in THEME_ONLY_TAGS]
        self.tag_cum = _cumulative(TAG_WEIGHTS[t] for t in self.tag_names)

    def sentence(self, theme: str) -> str:
        return _capitalise(self.rng.choice(THEMES[theme]).format_map(self.slots))

    def text(self) -> tuple[str, str, str]:
        """(primary theme, title, body) of about 500 characters."""
        rng = self.rng
        primary = rng.choices(self.themes, cum_weights=self.theme_cum)[0]
        side = rng.choices(self.themes, cum_weights=self.secondary_cum, k=rng.randint(1, 2))
        target = max(250, min(800, int(rng.gauss(500, 90))))
        title = self.sentence(primary)
        sentences: list[str] = []
        length = len(title)
        seen = {title}
        while length < target:
            theme = primary if rng.random() < 0.55 else rng.choice(side)
            sentence = self.sentence(theme)
            if sentence in seen:
                continue
            seen.add(sentence)
            sentences.append(sentence)
            length += len(sentence) + 1
        if rng.random() < RARE_EVENT_RATE:
            sentences.insert(rng.randint(0, len(sentences)), rng.choice(RARE_EVENTS))
        # One to three paragraphs.
        cuts = sorted(rng.sample(range(1, len(sentences)), min(len(sentences) - 1,
                                                              rng.randint(0, 2))))
        paragraphs = [" ".join(sentences[a:b]) for a, b in
                      zip([0, *cuts], [*cuts, len(sentences)], strict=True)]
        return primary, title, "\n\n".join(p for p in paragraphs if p)

    def tags(self, primary: str) -> list[str]:
        rng = self.rng
        count = rng.choices(range(5), weights=TAG_COUNT_WEIGHTS)[0]
        if count == 0:
            return []
        chosen = [rng.choice(THEME_TAGS[primary])]
        while len(chosen) < count:
            tag = rng.choices(self.tag_names, cum_weights=self.tag_cum)[0]
            if tag not in chosen:
                chosen.append(tag)
        return chosen

    def rating(self) -> int | None:
        if self.rng.random() >= RATED_RATE:
            return None
        return self.rng.choices(range(1, 6), weights=RATING_WEIGHTS)[0]


def _cumulative(weights: Iterable[float]) -> list[float]:
    total = 0.0
    out: list[float] = []
    for weight in weights:
        total += float(weight)
        out.append(total)
    return out


def day_counts(n: int, rng: random.Random) -> list[int]:
    """Entries per day, newest day first: 1-5 a day until n are placed."""
    counts: list[int] = []
    left = n
    while left > 0:
        k = min(left, rng.randint(1, 5))
        counts.append(k)
        left -= k
    return counts


def generate(n: int, seed: int, end: date) -> Iterator[GeneratedEntry]:
    """n entries, oldest first (so ids grow with dates, as in real use)."""
    rng = random.Random(seed)
    writer = EntryWriter(rng)
    counts = day_counts(n, rng)
    first_day = end - timedelta(days=len(counts) - 1)
    for offset, k in enumerate(reversed(counts)):
        day = datetime.combine(first_day + timedelta(days=offset), datetime.min.time())
        # Distinct minutes between 06:00 and 23:30, so the order is unambiguous.
        for minute in sorted(rng.sample(range(6 * 60, 23 * 60 + 30), k)):
            primary, title, body = writer.text()
            yield GeneratedEntry(
                when=day + timedelta(minutes=minute),
                title=title,
                body=body,
                tags=writer.tags(primary),
                starred=rng.random() < STAR_RATE,
                energy=writer.rating(),
                fulfilment=writer.rating(),
            )


def jrnl_text(entry: GeneratedEntry) -> str:
    """One entry in jrnl's text format (what jrnl's Entry.__str__ writes)."""
    head = f"[{entry.when:%Y-%m-%d %H:%M}] {entry.title}" + (" *" if entry.starred else "")
    body = entry.body
    if entry.tags:
        body += "\n\n" + " ".join("@" + t for t in entry.tags)
    return f"{head}\n{body}\n"


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def write_journal(n: int, db: Path, jrnl_path: Path | None, seed: int, end: date) -> int:
    from compass_tui.domain.entries import EntryInput
    from compass_tui.store.repository import Repository

    db.parent.mkdir(parents=True, exist_ok=True)
    repo = Repository.open("sqlite:///" + str(db.resolve()))
    text_out: TextIO | None = None
    try:
        if jrnl_path is not None:
            jrnl_path.parent.mkdir(parents=True, exist_ok=True)
            text_out = jrnl_path.open("w", encoding="utf-8")

        def inputs() -> Iterator[EntryInput]:
            first = True
            for entry in generate(n, seed, end):
                if text_out is not None:
                    # jrnl joins entries with "\n": a blank line between them.
                    text_out.write(("" if first else "\n") + jrnl_text(entry))
                    first = False
                yield EntryInput(
                    entry_date=entry.when, title=entry.title, body=entry.body,
                    tags=entry.tags, starred=entry.starred, energy=entry.energy,
                    fulfilment=entry.fulfilment,
                )

        count = repo.entries.add_many(inputs())
    finally:
        if text_out is not None:
            text_out.close()
        repo.close()
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, required=True, metavar="N")
    parser.add_argument("--db", type=Path, required=True, metavar="PATH")
    parser.add_argument("--jrnl-text", type=Path, metavar="PATH",
                        help="also write the entries in jrnl's text format")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--end-date", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="date of the newest entries (default: yesterday)")
    parser.add_argument("--force", action="store_true", help="replace an existing database")
    args = parser.parse_args(argv)
    if args.entries < 0:
        parser.error("--entries must be 0 or more")
    if args.db.exists():
        if not args.force:
            parser.error(f"{args.db} exists (use --force to replace it)")
        remove_db(args.db)
    end = args.end_date or date.today() - timedelta(days=1)
    started = time.perf_counter()
    try:
        count = write_journal(args.entries, args.db, args.jrnl_text, args.seed, end)
    except BaseException:
        remove_db(args.db)  # never leave a half-made journal behind
        raise
    seconds = time.perf_counter() - started
    extra = f", jrnl text {args.jrnl_text}" if args.jrnl_text else ""
    print(f"generated {count} entries into {args.db}{extra} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
