import SheetCore

/// Combines the answers of one community's rows into the value of one profile field, by the
/// field mapping's aggregate, with the privacy rules applied: answers that look personal
/// dropped first (`PersonalDataDetector`), then `min_responses` suppression, `min_cell` folding
/// for shares and `min_cell` dropping for every aggregate that publishes answers as words.
/// Every answer is validated like a profile value, and every problem is a diagnostic at the
/// CSV cell (`file.csv:ROW:COLUMN`) that holds it; no diagnostic quotes an answer that looks
/// personal.
struct FieldAggregator {
    let mapping: SurveyMapping
    let fieldMapping: SurveyMapping.FieldMapping
    let column: SurveyColumn
    let taxonomy: Taxonomy
    var detector = PersonalDataDetector()

    enum Outcome: Sendable, Hashable {
        case value(FieldValue)
        /// Withheld: it would rest on fewer than `min_responses` rows.
        case suppressed
        /// No row answered (for `one`, which is never suppressed).
        case noAnswers
        /// An answer or the result broke a rule; the diagnostics say which.
        case failed
        /// Every answer was left out: given by fewer than `min_cell` rows, or personal.
        case leftOut
    }

    struct Result: Sendable {
        var outcome: Outcome
        /// The rows the value rests on (for a suppressed value, the rows it would have).
        var rows: [Int]
        var diagnostics: [Diagnostic] = []
        /// Share categories chosen by fewer than `min_cell` rows, folded into `other`.
        var foldedCategories = 0
        /// Share categories chosen by fewer than `min_cell` rows and left out (no `other`).
        var leftOutCategories = 0
        /// Union answers beyond the field's limit.
        var cutAnswers = 0
        /// Answers given by fewer than `min_cell` rows, left out of a value made of words.
        var smallCellAnswers = 0
        /// Answers left out because they look personal: where, and what they looked like.
        var personalAnswers: [PersonalAnswer] = []
    }

    /// An answer left out because it looks personal; never its text.
    struct PersonalAnswer: Sendable, Hashable {
        var row: Int
        var kind: PersonalDataKind
    }

    /// One row's cell, trimmed, with its answers.
    struct RowAnswer {
        var row: Int
        var cell: String
        /// After `split`, trimmed, empty ones dropped, and recoded through `values`/`other`.
        var answers: [String]
    }

    var field: SurveyField { fieldMapping.field }
    var path: String { field.path }

    func location(_ row: Int) -> SourceLocation {
        SourceLocation(file: mapping.csvFile, line: row, column: column.number)
    }

    func error(_ problem: FieldProblem, row: Int, rows: [Int]? = nil) -> Diagnostic {
        let origin = rows.map { "from \(RowList.text($0)) of column \(column.number) \(column.label)" } ?? "in column \(column.number) \(column.label)"
        return .error(at: location(row), "\(problem.message) (\(origin))", hint: problem.hint, field: path)
    }

    // MARK: - Answers

    /// The answers of `records` in `column`, recoded; recoding problems are diagnostics.
    /// Answers that look personal are left out first (into `personal`), so that a row whose
    /// every answer looks personal is not an answering row: a file with those answers removed
    /// (`profilesheet survey scrub`) gives the same value.
    func answers(_ records: [CSVScanner.Record], personal: inout [PersonalAnswer], diagnostics: inout [Diagnostic]) -> [RowAnswer] {
        var result: [RowAnswer] = []
        for record in records {
            let cell = (record.cells[column.index] ?? "").trimmingWhitespace()
            guard !cell.isEmpty else { continue }
            var parts: [String] = []
            for part in Self.parts(of: cell, split: fieldMapping.split) {
                if let kind = personalKind(part) {
                    personal.append(PersonalAnswer(row: record.row, kind: kind))
                } else {
                    parts.append(part)
                }
            }
            var recoded: [String] = []
            for part in parts {
                if let value = recode(part, row: record.row, diagnostics: &diagnostics) { recoded.append(value) }
            }
            if !parts.isEmpty { result.append(RowAnswer(row: record.row, cell: cell, answers: recoded)) }
        }
        return result
    }

    /// A cell's answers: cut at every `split`, each trimmed, empty ones dropped.
    static func parts(of cell: String, split: String?) -> [String] {
        guard let split else { return cell.isEmpty ? [] : [cell] }
        return cell.components(separatedBy: split).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// What personal data `answer` holds, if any. A field that takes an e-mail address or a URL
    /// through `one` (`contact.email`, `website`) takes the community's own: that kind is its
    /// value, not personal data found in it.
    func personalKind(_ answer: String) -> PersonalDataKind? {
        Self.personalKind(answer, detector: detector, fieldMapping: fieldMapping)
    }

    static func personalKind(_ answer: String, detector: PersonalDataDetector, fieldMapping: SurveyMapping.FieldMapping) -> PersonalDataKind? {
        guard let kind = detector.kind(of: answer) else { return nil }
        if fieldMapping.aggregate == .one {
            switch (fieldMapping.field.kind, kind) {
            case (.email, .email), (.webURL, .url): return nil
            default: break
            }
        }
        return kind
    }

    /// Whether the field's value is made of the respondents' words (texts, lists, keywords), to
    /// which `min_cell` applies; numbers, shares and kinds of community are not.
    var publishesWords: Bool {
        switch field.kind {
        case .text, .richText, .email, .webURL, .textList, .richList, .keywords: true
        case .communityType, .integer, .decimal, .breakdown: false
        }
    }

    func recode(_ answer: String, row: Int, diagnostics: inout [Diagnostic]) -> String? {
        guard let values = fieldMapping.values else { return answer }
        if let value = values[SurveyText.folded(answer)] { return value }
        if let other = fieldMapping.other { return other }
        let hint = Suggestion.didYouMean(answer, in: fieldMapping.valueAnswers).map { "\($0) Otherwise add it to 'values', or name an 'other' value for answers that 'values' does not list" }
            ?? "add it to 'values' of 'fields.\(path)', or name an 'other' value for answers that 'values' does not list"
        diagnostics.append(error(FieldProblem("answer \(detector.quoted(answer)) for '\(path)' is not in 'values'", hint: hint), row: row))
        return nil
    }

    // MARK: - Aggregating

    func run(_ records: [CSVScanner.Record]) -> Result {
        var diagnostics: [Diagnostic] = []
        var personal: [PersonalAnswer] = []
        let answered = answers(records, personal: &personal, diagnostics: &diagnostics)
        var result = aggregate(answered, diagnostics: diagnostics)
        result.personalAnswers = personal
        if case .noAnswers = result.outcome, !personal.isEmpty { result.outcome = .leftOut }
        return result
    }

    private func aggregate(_ answered: [RowAnswer], diagnostics: [Diagnostic]) -> Result {
        let rows = answered.map(\.row)
        if !diagnostics.isEmpty { return Result(outcome: .failed, rows: rows, diagnostics: diagnostics) }
        if answered.isEmpty {
            return Result(outcome: fieldMapping.aggregate == .one ? .noAnswers : .suppressed, rows: [])
        }
        var result: Result
        switch fieldMapping.aggregate {
        case .one: result = one(answered)
        case .sum, .min, .max, .mean, .median: result = number(answered)
        case .count: result = count(answered)
        case .share: result = share(answered)
        case .union: result = union(answered)
        }
        if result.diagnostics.hasErrors, case .value = result.outcome { result.outcome = .failed }
        return result
    }

    private func suppressedIfFew(_ rows: [Int]) -> Result? {
        rows.count < mapping.minResponses ? Result(outcome: .suppressed, rows: rows) : nil
    }

    // MARK: one

    private func one(_ answered: [RowAnswer]) -> Result {
        var diagnostics: [Diagnostic] = []
        var values: [(row: Int, value: FieldValue, cell: String)] = []
        for answer in answered {
            if let value = single(answer, diagnostics: &diagnostics) { values.append((answer.row, value, answer.cell)) }
        }
        let rows = answered.map(\.row)
        guard diagnostics.isEmpty, let first = values.first else {
            return Result(outcome: .failed, rows: rows, diagnostics: diagnostics)
        }
        for other in values.dropFirst() where !other.value.agrees(with: first.value) {
            diagnostics.append(.error(
                at: location(other.row),
                "rows \(first.row) and \(other.row) disagree on '\(path)': \(detector.quoted(first.cell)) and \(detector.quoted(other.cell)) (column \(column.number) \(column.label))",
                hint: "'aggregate: one' takes the single answer of a community; correct one of the rows, or choose another aggregate",
                field: path))
        }
        guard diagnostics.isEmpty else { return Result(outcome: .failed, rows: rows, diagnostics: diagnostics) }
        // The rows agree, so each answer of the value was given by every answering row.
        if publishesWords, Set(rows).count < mapping.minCell {
            var result = Result(outcome: .leftOut, rows: rows)
            result.smallCellAnswers = first.value.itemCount
            return result
        }
        return Result(outcome: .value(first.value), rows: rows)
    }

    /// One row's value for `one`: a list for list fields, else its single answer.
    private func single(_ answer: RowAnswer, diagnostics: inout [Diagnostic]) -> FieldValue? {
        if field.isList {
            return list(answer.answers.map { ($0, answer.row) }, row: answer.row, diagnostics: &diagnostics)
        }
        guard let text = answer.answers.first else { return nil }
        switch field.kind {
        case .integer, .decimal:
            return parseNumber(text, row: answer.row, lenient: false, diagnostics: &diagnostics).map { numberValue($0) }
        default:
            switch scalar(text) {
            case .success(let value): return value
            case .failure(let problem):
                diagnostics.append(error(problem, row: answer.row))
                return nil
            }
        }
    }

    private func scalar(_ text: String) -> Swift.Result<FieldValue, FieldProblem> {
        switch field.kind {
        case .text(let length): return ScalarRules.text(text, field: path, length: length).map(FieldValue.text)
        case .richText(let length):
            return ValueRules.richText(text, field: path, length: length).flatMap { rich in
                rich.map { .success(.richText($0)) } ?? .failure(FieldProblem("'\(path)' is empty", hint: "leave the cell empty when there is no answer"))
            }
        case .email: return ValueRules.email(text, field: path).map(FieldValue.text)
        case .webURL: return ValueRules.webURL(text, field: path).map(FieldValue.text)
        case .communityType: return ValueRules.communityType(text, field: path).map { .text($0.rawValue) }
        default: return .failure(FieldProblem("'\(path)' cannot take a single answer"))
        }
    }

    /// Items of a list field, each checked; the list checked for its length and repeats.
    private func list(_ items: [(text: String, row: Int)], row: Int, diagnostics: inout [Diagnostic]) -> FieldValue? {
        var texts: [String] = []
        var riches: [RichText] = []
        var seen: Set<String> = []
        var failed = false
        for (text, itemRow) in items {
            let key = SurveyText.folded(text)
            if seen.contains(key) {
                diagnostics.append(error(FieldProblem("\(detector.quoted(text)) is listed twice in '\(path)'", hint: "a list holds each answer once"), row: itemRow))
                failed = true
                continue
            }
            seen.insert(key)
            switch item(text) {
            case .success(.richText(let rich)): riches.append(rich)
            case .success(.text(let value)): texts.append(value)
            case .success: break
            case .failure(let problem):
                diagnostics.append(error(problem, row: itemRow))
                failed = true
            }
        }
        let count = max(texts.count, riches.count)
        if let limit = field.itemLimit, count > limit {
            diagnostics.append(error(FieldProblem("'\(path)' has \(count) items", hint: "at most \(limit) are allowed"), row: row))
            failed = true
        }
        if failed { return nil }
        if case .richList = field.kind { return .richTexts(riches) }
        return .texts(texts)
    }

    private func item(_ text: String) -> Swift.Result<FieldValue, FieldProblem> {
        switch field.kind {
        case .textList(_, let length, _): return ScalarRules.text(text, field: path, length: length).map(FieldValue.text)
        case .richList(_, let length):
            return ValueRules.richText(text, field: path, length: length).flatMap { rich in
                rich.map { .success(.richText($0)) } ?? .failure(FieldProblem("an item of '\(path)' is empty"))
            }
        case .keywords: return ValueRules.keyword(text, field: path, taxonomy: taxonomy).map(FieldValue.text)
        default: return .failure(FieldProblem("'\(path)' is not a list"))
        }
    }

    // MARK: numbers

    private func parseNumber(_ text: String, row: Int, lenient: Bool, diagnostics: inout [Diagnostic]) -> SurveyNumber? {
        guard let number = SurveyNumber.parse(text) else {
            diagnostics.append(error(FieldProblem(
                "'\(path)' must be a number, found \(detector.quoted(text))",
                hint: "write digits, with ',' between thousands and '.' before decimals if need be (1,200 or 0.5); leave the cell empty when there is no answer, as text is never read as zero"),
                row: row))
            return nil
        }
        switch field.kind {
        case .integer(let range):
            if !lenient, number.wholeValue == nil || number.scale > 0 {
                diagnostics.append(error(FieldProblem("'\(path)' must be a whole number, found '\(text)'", hint: "write a whole number, without decimals"), row: row))
                return nil
            }
            if number.doubleValue < Double(range.lowerBound) || number.doubleValue > Double(range.upperBound) {
                diagnostics.append(error(FieldProblem("'\(path)' is out of range: \(text)", hint: "use a value from \(range.lowerBound) to \(range.upperBound)"), row: row))
                return nil
            }
        case .decimal(let range, let places):
            if !lenient, number.scale > places {
                diagnostics.append(error(FieldProblem("'\(path)' has \(number.scale) decimals, found '\(text)'", hint: "at most \(places) decimal\(places == 1 ? "" : "s") are allowed"), row: row))
                return nil
            }
            if !range.contains(number.doubleValue) {
                diagnostics.append(error(FieldProblem("'\(path)' is out of range: \(text)", hint: "use a value from \(FieldValue.number(range.lowerBound)) to \(FieldValue.number(range.upperBound))"), row: row))
                return nil
            }
        default:
            return nil
        }
        return number
    }

    private var places: Int {
        if case .decimal(_, let places) = field.kind { return places }
        return 0
    }

    private func numberValue(_ number: SurveyNumber) -> FieldValue {
        if case .integer = field.kind, let whole = number.wholeValue { return .integer(whole) }
        return .decimal(number.doubleValue)
    }

    private func number(_ answered: [RowAnswer]) -> Result {
        let aggregate = fieldMapping.aggregate
        let lenient = aggregate == .mean || aggregate == .median
        var diagnostics: [Diagnostic] = []
        var numbers: [SurveyNumber] = []
        for answer in answered {
            guard let text = answer.answers.first else { continue }
            if let number = parseNumber(text, row: answer.row, lenient: lenient, diagnostics: &diagnostics) { numbers.append(number) }
        }
        let rows = answered.map(\.row)
        if !diagnostics.isEmpty { return Result(outcome: .failed, rows: rows, diagnostics: diagnostics) }
        if let suppressed = suppressedIfFew(rows) { return suppressed }
        let value: SurveyNumber? = switch aggregate {
        case .sum: SurveyNumber.sum(numbers)
        case .min: numbers.min()
        case .max: numbers.max()
        case .mean: SurveyNumber.mean(numbers, places: places)
        default: SurveyNumber.median(numbers, places: places)
        }
        guard let value else {
            return Result(outcome: .failed, rows: rows, diagnostics: [error(FieldProblem("the \(aggregate.rawValue) of '\(path)' is too large to compute"), row: rows[0], rows: rows)])
        }
        return checked(numberValue(value), display: FieldValue.number(value.doubleValue), rows: rows)
    }

    private func count(_ answered: [RowAnswer]) -> Result {
        let rows = answered.map(\.row)
        if let suppressed = suppressedIfFew(rows) { return suppressed }
        return checked(.integer(rows.count), display: String(rows.count), rows: rows)
    }

    /// The result's range checked, with the error at the first row's cell naming every row.
    private func checked(_ value: FieldValue, display: String, rows: [Int]) -> Result {
        let problem: FieldProblem? = switch (field.kind, value) {
        case (.integer(let range), .integer(let number)):
            range.contains(number) ? nil : FieldProblem("the \(fieldMapping.aggregate.rawValue) of '\(path)' is out of range: \(display)", hint: "the value must be from \(range.lowerBound) to \(range.upperBound)")
        case (.decimal(let range, _), .decimal(let number)):
            range.contains(number) ? nil : FieldProblem("the \(fieldMapping.aggregate.rawValue) of '\(path)' is out of range: \(display)", hint: "the value must be from \(FieldValue.number(range.lowerBound)) to \(FieldValue.number(range.upperBound))")
        default: nil
        }
        if let problem {
            return Result(outcome: .failed, rows: rows, diagnostics: [error(problem, row: rows[0], rows: rows)])
        }
        return Result(outcome: .value(value), rows: rows)
    }

    // MARK: share

    private func share(_ answered: [RowAnswer]) -> Result {
        guard case .breakdown(let categories) = field.kind else { return Result(outcome: .failed, rows: []) }
        var diagnostics: [Diagnostic] = []
        var order: [String] = []
        var rowsByCategory: [String: [Int]] = [:]
        for answer in answered {
            guard let text = answer.answers.first else { continue }
            switch ValueRules.category(text, field: path, categories: categories) {
            case .success(let category):
                if rowsByCategory[category] == nil { order.append(category) }
                rowsByCategory[category, default: []].append(answer.row)
            case .failure(let problem):
                var problem = problem
                if fieldMapping.values == nil {
                    problem.hint = (problem.hint.map { $0 + "; " } ?? "") + "recode answers into categories with 'values' in the mapping"
                }
                diagnostics.append(error(problem, row: answer.row))
            }
        }
        if !diagnostics.isEmpty { return Result(outcome: .failed, rows: answered.map(\.row), diagnostics: diagnostics) }

        // Fold the small categories into `other`, or leave them out when there is none.
        let other = fieldMapping.other
        var folded = 0
        var leftOut = 0
        var kept: [(category: String, rows: [Int])] = []
        var otherRows = other.flatMap { rowsByCategory[$0] } ?? []
        for category in order where category != other {
            let rows = rowsByCategory[category] ?? []
            if rows.count >= mapping.minCell {
                kept.append((category, rows))
            } else if other != nil {
                otherRows += rows
                folded += 1
            } else {
                leftOut += 1
            }
        }
        kept = kept.enumerated().sorted { lhs, rhs in
            lhs.element.rows.count != rhs.element.rows.count ? lhs.element.rows.count > rhs.element.rows.count : lhs.offset < rhs.offset
        }.map(\.element)
        if let other, !otherRows.isEmpty { kept.append((other, otherRows.sorted())) }
        let rows = kept.flatMap(\.rows).sorted()
        if var suppressed = suppressedIfFew(rows) {
            suppressed.rows = answered.map(\.row)
            return suppressed
        }
        let percentages = ShareRounding.percentages(kept.map(\.rows.count), decimals: 1)
        let breakdown = Breakdown(zip(kept, percentages).map { Breakdown.Share(category: $0.category, percent: $1) })
        var result = Result(outcome: .value(.breakdown(breakdown)), rows: rows, foldedCategories: folded, leftOutCategories: leftOut)
        if let problem = BreakdownRules.check(breakdown, field: path) {
            result.outcome = .failed
            result.diagnostics = [error(problem, row: rows[0], rows: rows)]
        }
        return result
    }

    // MARK: union

    private func union(_ answered: [RowAnswer]) -> Result {
        let rows = answered.map(\.row)
        if let suppressed = suppressedIfFew(rows) { return suppressed }
        var entries: [(text: String, row: Int, rows: Set<Int>)] = []
        var index: [String: Int] = [:]
        for answer in answered {
            for text in answer.answers {
                let key = SurveyText.folded(text)
                if let position = index[key] {
                    entries[position].rows.insert(answer.row)
                } else {
                    index[key] = entries.count
                    entries.append((text, answer.row, [answer.row]))
                }
            }
        }
        // Answers given by fewer than `min_cell` rows could single their authors out.
        let common = entries.filter { $0.rows.count >= mapping.minCell }
        let smallCell = entries.count - common.count
        guard !common.isEmpty else {
            var result = Result(outcome: .leftOut, rows: rows)
            result.smallCellAnswers = smallCell
            return result
        }
        let ranked = common.enumerated().sorted { lhs, rhs in
            lhs.element.rows.count != rhs.element.rows.count ? lhs.element.rows.count > rhs.element.rows.count : lhs.offset < rhs.offset
        }.map(\.element)
        let limit = field.itemLimit ?? ranked.count
        let kept = Array(ranked.prefix(limit))
        var diagnostics: [Diagnostic] = []
        let value = list(kept.map { ($0.text, $0.row) }, row: rows[0], diagnostics: &diagnostics)
        var result = Result(outcome: value.map(Outcome.value) ?? .failed, rows: rows, diagnostics: diagnostics)
        result.cutAnswers = ranked.count - kept.count
        result.smallCellAnswers = smallCell
        return result
    }
}

/// `row 4`, `rows 4, 7–9 and 12`.
public enum RowList {
    public static func text(_ rows: [Int]) -> String {
        let sorted = Array(Set(rows)).sorted()
        guard !sorted.isEmpty else { return "no rows" }
        var ranges: [String] = []
        var start = sorted[0]
        var end = sorted[0]
        for row in sorted.dropFirst() {
            if row == end + 1 {
                end = row
                continue
            }
            ranges.append(start == end ? "\(start)" : end == start + 1 ? "\(start), \(end)" : "\(start)–\(end)")
            start = row
            end = row
        }
        ranges.append(start == end ? "\(start)" : end == start + 1 ? "\(start), \(end)" : "\(start)–\(end)")
        let body = ranges.count == 1 ? ranges[0] : ranges.dropLast().joined(separator: ", ") + " and " + ranges.last!
        return (sorted.count == 1 ? "row " : "rows ") + body
    }
}
