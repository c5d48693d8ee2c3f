/// What kind of personal data `PersonalDataDetector` found in a survey answer: what a
/// diagnostic says in place of the answer (`<redacted: e-mail>`).
public enum PersonalDataKind: String, Sendable, Hashable, CaseIterable {
    case email = "e-mail"
    case phone = "phone number"
    case ipAddress = "IP address"
    /// A URL with a user in it, a user-like path or a query string.
    case url = "URL"
    /// A value of a column the mapping declares `personal`.
    case personalColumn = "personal"

    /// `<redacted: e-mail>`.
    public var redacted: String { "<redacted: \(rawValue)>" }

    /// How a warning names the kind: "an e-mail address".
    public var phrase: String {
        switch self {
        case .email: "an e-mail address"
        case .phone: "a phone number"
        case .ipAddress: "an IP address"
        case .url: "a URL that names a person or carries a query"
        case .personalColumn: "a value of a column the mapping declares personal"
        }
    }
}
