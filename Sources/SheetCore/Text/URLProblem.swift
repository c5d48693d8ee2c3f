/// Why a text cannot be a link on a sheet, as `URLCheck.webLink` finds it.
public enum URLProblem: Error, Sendable, Hashable {
    /// Not an absolute `http` or `https` URL: no scheme, another scheme, spaces or control
    /// characters, or text URLComponents cannot parse.
    case notWeb
    /// A space, line break or other white space or control character.
    case whitespace
    /// A user name or password before the host (`https://good.example@evil.example/`): the
    /// link would seem to go to one site and go to another.
    case credentials
    /// No host, or one that is neither a domain name (after IDNA) nor an IP address.
    case host
    /// A port outside 1–65535.
    case port
    /// An invisible or layout-changing character (a format character such as U+202E, which
    /// reverses the text shown, or a non-ASCII space): the address shown would not be the one
    /// the link goes to.
    case invisible(Unicode.Scalar)
    /// Longer than `URLCheck.maximumLinkBytes` once normalised and percent-encoded.
    case tooLong(bytes: Int)

    /// What a field holding `shown` (the value as a message quotes it) is told.
    public func fieldProblem(_ field: String, shown: String, hasScheme: Bool) -> FieldProblem {
        switch self {
        case .notWeb:
            FieldProblem(
                "'\(field)' must be an http or https URL, found '\(shown)'",
                hint: hasScheme ? "only http and https links are allowed" : "write the full address, e.g. https://\(shown)")
        default:
            FieldProblem("'\(field)' \(clause), found '\(shown)'", hint: hint)
        }
    }

    /// What a rich text field linking to `shown` is told.
    public func linkProblem(_ field: String, shown: String) -> FieldProblem {
        switch self {
        case .notWeb:
            FieldProblem("'\(field)' links to '\(shown)', which is not an http or https URL", hint: "links must start with https:// or http://")
        default:
            FieldProblem("'\(field)' links to '\(shown)', which \(clause)", hint: hint)
        }
    }

    /// The problem as the end of a sentence about the URL ("… has no valid host name").
    private var clause: String {
        switch self {
        case .notWeb: "is not an http or https URL"
        case .whitespace: "contains a space or line break"
        case .credentials: "names a user or password before its host"
        case .host: "has no valid host name"
        case .port: "has a port outside 1 to 65535"
        case .invisible(let scalar): "contains the invisible character \(scalar.codePoint)"
        case .tooLong(let bytes): "is \(bytes) bytes long once percent-encoded"
        }
    }

    private var hint: String {
        switch self {
        case .notWeb: "links must start with https:// or http://"
        case .whitespace: "a URL has none; write a space in it as %20"
        case .credentials: "remove the part up to '@' after '://': a link must go where it says"
        case .host: "write a domain name such as example.org after https://"
        case .port: "remove the port or use one from 1 to 65535"
        case .invisible: "remove it: a link must go where it says"
        case .tooLong: "the limit is \(URLCheck.maximumLinkBytes) bytes; use a shorter address"
        }
    }
}
