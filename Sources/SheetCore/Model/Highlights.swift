/// The year's outcomes: four short lists of rich text.
public struct Highlights: Sendable, Hashable {
    public var successes: [RichText]
    public var outputs: [RichText]
    public var challenges: [RichText]
    public var plans: [RichText]

    public init(successes: [RichText] = [], outputs: [RichText] = [], challenges: [RichText] = [], plans: [RichText] = []) {
        self.successes = successes
        self.outputs = outputs
        self.challenges = challenges
        self.plans = plans
    }

    public var isEmpty: Bool { successes.isEmpty && outputs.isEmpty && challenges.isEmpty && plans.isEmpty }
}
