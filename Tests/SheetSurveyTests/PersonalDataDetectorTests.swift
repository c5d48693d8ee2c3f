import Testing
@testable import SheetSurvey

@Suite("Personal data in survey answers")
struct PersonalDataDetectorTests {
    let detector = PersonalDataDetector()

    @Test(arguments: [
        ("jane.doe@example.org", PersonalDataKind.email),
        ("write to Jane.Doe+survey@uni.example.ac.uk, thanks.", .email),
        ("@jane@social.example", .email),
        ("Zoom, jdoe@example.com", .email),
        ("+44 20 7946 0958", .phone),
        ("(555) 013-4567", .phone),
        ("call 555-013-4567 after 5", .phone),
        ("5550134567", .phone),
        ("+49 30 1234567", .phone),
        ("198.51.100.11", .ipAddress),
        ("https://github.com/jdoe", .url),
        ("github.com/jdoe", .url),
        ("see https://example.org/~jane/cv.html", .url),
        ("https://social.example/@jane", .url),
        ("https://example.org/users/jane", .url),
        ("https://www.linkedin.com/in/jane-doe-123", .url),
        ("https://forms.example.org/view?id=8812&email=x", .url),
        ("https://jane:secret@host.example.org/", .url),
        ("https://orcid.org/0000-0002-1825-0097", .url),
    ])
    func catches(_ text: String, _ kind: PersonalDataKind) {
        #expect(detector.kind(of: text) == kind, "\(text)")
    }

    @Test(arguments: [
        "Node.js", "R", "scikit-learn", "GitHub", "GitHub Pages", "github.com", "https://github.com", "https://zenodo.org",
        "https://example.org/docs/getting-started", "www.example.org", "Python 3.12", "3.10.12", "1.2.3.4", "v2.0.1-beta",
        "2025", "2019-2025", "2019 2020 2021", "2025-10-02", "2025-10-02 10:07:13", "2025/11/03 9:14:22 AM GMT-5", "1,200",
        "3,400,000", "3400000", "1234.5", "12 000 000", "64 %", "64%", "$1,200,000", "€ 250000000", "10.5281/zenodo.1234567",
        "R_E984714850D30F0", "-36.9370", "C++", "Slack, Zoom, Google Docs", "Mailing lists", "Email", "Office hours @ 3pm",
        "A @mention", "Our volunteer numbers are a guess, sorry!", "ISO 9001", "1.5", "0.25", "100",
    ])
    func letsThrough(_ text: String) {
        #expect(detector.kind(of: text) == nil, "\(text)")
    }

    @Test func valuesOfDeclaredColumns() {
        var detector = PersonalDataDetector()
        for value in ["Marisol Quennell-Obi", "Julia", "x", "42", ""] { detector.addPersonalValue(value) }
        #expect(detector.kind(of: "marisol   QUENNELL-obi") == .personalColumn)
        #expect(detector.kind(of: "ask Marisol Quennell-Obi about it") == .personalColumn)
        #expect(detector.kind(of: "Julia") == .personalColumn)
        // A single word only when it is the whole answer; too short values and numbers never.
        #expect(detector.kind(of: "Julia and Python") == nil)
        #expect(detector.kind(of: "x") == nil)
        #expect(detector.kind(of: "42") == nil)
        #expect(detector.kind(of: "Marisol") == nil)
    }

    @Test func quotingRedactsWhatLooksPersonal() {
        #expect(detector.quoted("GitHub") == "'GitHub'")
        #expect(detector.quoted("jane@example.org") == "<redacted: e-mail>")
        #expect(detector.quoted("+1 555 013 4567") == "<redacted: phone number>")
    }

    @Test(arguments: [
        ("Email Address", true), ("Your name (optional)", true), ("RecipientFirstName", true), ("IPAddress", true),
        ("LocationLatitude", true), ("Name", true), ("Phone", true), ("Your e-mail address (optional)", true),
        ("Community name", false), ("Which tools does your community use?", false), ("Timestamp", false),
        ("Anything else you would like to tell the working group?", false), ("Q3", false), ("Tool names", false),
    ])
    func personalHeaders(_ header: String, _ personal: Bool) {
        #expect(PersonalDataDetector.headerLooksPersonal(header) == personal, "\(header)")
    }
}
