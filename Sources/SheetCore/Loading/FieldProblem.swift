/// What is wrong with one value, before it is placed in a file: a message and maybe a hint.
/// The YAML reader and the survey merge each add their own location.
public struct FieldProblem: Error, Sendable, Hashable {
    public var message: String
    public var hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}
