/// One finding about the input: what is wrong, where, and how to fix it.
///
/// Diagnostics are collected, never thrown one at a time: a run reports every problem of every
/// file, sorted by file and position, the way a compiler does.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Comparable, Codable {
        case error
        case warning
        case note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// Where the problem is; `nil` for problems of the run as a whole.
    public var location: SourceLocation?
    /// Lowercase, names quoted: `unknown key 'nmae'`.
    public var message: String
    /// How to fix it, where that helps: `did you mean 'name'?`.
    public var hint: String?
    /// The profile field concerned, as a dotted path (`members.regions`), where there is one.
    public var field: String?

    public init(
        _ severity: Severity,
        at location: SourceLocation?,
        _ message: String,
        hint: String? = nil,
        field: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.field = field
    }

    public static func error(
        at location: SourceLocation?, _ message: String, hint: String? = nil, field: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, at: location, message, hint: hint, field: field)
    }

    public static func warning(
        at location: SourceLocation?, _ message: String, hint: String? = nil, field: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, at: location, message, hint: hint, field: field)
    }
}

extension Diagnostic: Comparable {
    /// Sorted by file, then position; problems without a position come first in their file.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let left = (lhs.location?.file ?? "", lhs.location?.line ?? 0, lhs.location?.column ?? 0)
        let right = (rhs.location?.file ?? "", rhs.location?.line ?? 0, rhs.location?.column ?? 0)
        if left != right { return left < right }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
}
