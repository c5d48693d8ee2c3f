// Not part of the module's interface: what imports SheetSurvey needs no swift-crypto.
internal import Crypto
import Foundation
import SheetCore

/// Everything a merge produced.
public struct SurveyMergeResult: Sendable {
    /// The run's profiles with survey values merged in, in the order given.
    public var profiles: [Profile]
    /// Files of profiles that a survey error concerns (a bad cell, rows that disagree): they
    /// are invalid, as if their own file had the error.
    public var failedProfiles: Set<String> = []
    public var diagnostics: [Diagnostic] = []
    /// The mapping files' text, for quoting their lines. CSV files are never added: their lines
    /// hold other people's answers.
    public var sources = SourceTextStore()
    /// What each mapping offered each profile field.
    public var provenance: SurveyProvenance = [:]
    /// Per profile id, a SHA-256 of the mapping files that fed it and the mapped cells of its
    /// rows; empty for a profile no survey row matched.
    public var fingerprints: [String: String] = [:]
    /// Warnings in `diagnostics` that concern one profile though they point into a CSV (answers
    /// left out by `min_cell` or because they look personal), by profile file: a build keeps
    /// them with that profile's sheet.
    public var profileWarnings: [String: [Diagnostic]] = [:]
}

/// Merges survey data into profiles (survey-mapping.md): reads each mapping and its CSV,
/// matches rows to profiles, aggregates, applies the privacy rules, validates the values like
/// profile values, and sets each field the profile file leaves unset, remembering where every
/// value came from.
///
/// Only the key column, the mapped columns and the columns declared `personal` are kept from a
/// CSV (see `CSVScanner`); the other columns are decoded once per file only to check whether
/// they hold personal data, which is a warning naming them, and are then dropped. No diagnostic
/// quotes a CSV line, and none quotes an answer that looks personal (`PersonalDataDetector`):
/// at most the cell of a mapped column that does not.
public struct SurveyMerger: Sendable {
    public var profilesRoot: String
    public var taxonomy: Taxonomy
    public var catalog: SurveyFieldCatalog

    public init(profilesRoot: String, taxonomy: Taxonomy, currentYear: Int) {
        self.profilesRoot = profilesRoot
        self.taxonomy = taxonomy
        self.catalog = SurveyFieldCatalog(currentYear: currentYear)
    }

    public static let folderName = "surveys"

    /// `profiles/surveys/*.survey.yaml`, sorted by name; empty when there is no such folder.
    public static func mappingFiles(in profilesDirectory: String) -> [String] {
        let folder = (profilesDirectory as NSString).appendingPathComponent(folderName)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(SurveyMapping.fileSuffix) && !$0.hasPrefix(".") }.sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    /// One field's result from one mapping, before precedence is decided.
    struct Offer {
        var profile: Int
        var path: String
        var contribution: SurveyContribution
        var firstLocation: SourceLocation?
        var failed: Bool
    }

    public func merge(_ profiles: [Profile], otherFiles: [CommunityDirectory.Entry] = [], mappingFiles: [String]) -> SurveyMergeResult {
        var result = SurveyMergeResult(profiles: profiles)
        let directory = CommunityDirectory(profiles: profiles, otherFiles: otherFiles)
        let loader = SurveyMappingLoader(profilesRoot: profilesRoot, catalog: catalog)
        var offers: [Offer] = []
        var fingerprintInput: [Int: [UInt8]] = [:]

        var mappings: [SurveyMapping] = []
        for file in mappingFiles {
            let loaded = loader.load(file: file)
            if let text = loaded.source { result.sources.add(file: file, text: text) }
            result.diagnostics += loaded.diagnostics
            if let mapping = loaded.mapping { mappings.append(mapping) }
        }
        var checkedCSVs: Set<String> = []
        for mapping in mappings {
            let file = mapping.file
            // The first mapping of a CSV checks its unused columns, against every mapping of it.
            let sharing = mappings.filter { $0.resolvedCSV == mapping.resolvedCSV }
            let first = checkedCSVs.insert(mapping.resolvedCSV).inserted
            guard let (table, columns) = read(mapping, sharedWith: sharing, checkUnused: first, diagnostics: &result.diagnostics) else { continue }
            let detector = Self.detector(table, columns: columns)
            let rowsByProfile = match(
                table, mapping: mapping, keyColumn: columns.key, directory: directory, detector: detector, diagnostics: &result.diagnostics)

            let mappingBytes = (try? BoundedFile.read(file, limit: YAMLDocument.maximumFileSize).get()).map { [UInt8]($0) } ?? []
            for (profile, records) in rowsByProfile.sorted(by: { $0.key < $1.key }) {
                var input = fingerprintInput[profile] ?? []
                Self.appendField(&input, "mapping \((file as NSString).lastPathComponent)")
                Self.appendField(&input, mappingBytes)
                let indices = [columns.key.index] + columns.fields.map(\.index)
                for record in records {
                    Self.appendField(&input, "row")
                    for index in indices { Self.appendField(&input, record.cells[index] ?? "") }
                }
                fingerprintInput[profile] = input

                for (fieldMapping, column) in zip(mapping.fields, columns.fields) {
                    let aggregator = FieldAggregator(
                        mapping: mapping, fieldMapping: fieldMapping, column: column, taxonomy: taxonomy, detector: detector)
                    let outcome = aggregator.run(records)
                    result.diagnostics += outcome.diagnostics
                    let warnings = Self.leftOutWarnings(outcome, aggregator: aggregator, profile: result.profiles[profile].id)
                    result.diagnostics += warnings
                    if !warnings.isEmpty { result.profileWarnings[result.profiles[profile].file, default: []] += warnings }
                    var value: FieldValue?
                    var state = SurveyContribution.Outcome.failed
                    switch outcome.outcome {
                    case .value(let computed): value = computed; state = .used
                    case .suppressed: state = .suppressed
                    case .noAnswers: state = .noAnswers
                    case .failed: state = .failed
                    case .leftOut: state = .leftOut
                    }
                    var contribution = SurveyContribution(
                        mapping: mapping.file, csv: mapping.csvFile, column: column.label, aggregate: fieldMapping.aggregate,
                        rows: outcome.rows, value: value, outcome: state, disagrees: false, minResponses: mapping.minResponses,
                        minCell: mapping.minCell, foldedCategories: outcome.foldedCategories, leftOutCategories: outcome.leftOutCategories,
                        cutAnswers: outcome.cutAnswers)
                    contribution.smallCellAnswers = outcome.smallCellAnswers
                    contribution.personalRows = outcome.personalAnswers.map(\.row)
                    offers.append(Offer(
                        profile: profile, path: fieldMapping.field.path, contribution: contribution,
                        firstLocation: outcome.rows.first.map { aggregator.location($0) },
                        failed: outcome.outcome == .failed || outcome.diagnostics.hasErrors))
                }
            }
        }

        apply(offers, to: &result)
        for (index, profile) in result.profiles.enumerated() {
            if let input = fingerprintInput[index] {
                result.fingerprints[profile.id] = Self.fingerprint(of: input)
            } else if result.fingerprints[profile.id] == nil {
                result.fingerprints[profile.id] = ""
            }
        }
        return result
    }

    /// The SHA-256 of a profile's survey inputs (`appendField`s), as lowercase hex.
    static func fingerprint(of input: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(data: Array("profilesheet survey inputs 1\n".utf8))
        hasher.update(data: input)
        return HexDigits.lowercase(hasher.finalize())
    }

    /// Length-prefixed, so that no two different inputs hash alike.
    static func appendField(_ buffer: inout [UInt8], _ text: String) { appendField(&buffer, Array(text.utf8)) }

    static func appendField(_ buffer: inout [UInt8], _ bytes: [UInt8]) {
        buffer += Array("\(bytes.count):".utf8)
        buffer += bytes
        buffer.append(0x0A)
    }

    /// The warnings for what `outcome` left out: one per answer that looked personal, at its
    /// cell, naming its kind and never its text; one for the answers given by too few rows.
    static func leftOutWarnings(_ outcome: FieldAggregator.Result, aggregator: FieldAggregator, profile: String) -> [Diagnostic] {
        let path = aggregator.path
        let column = aggregator.column
        var warnings = outcome.personalAnswers.map { answer in
            Diagnostic.warning(
                at: aggregator.location(answer.row),
                "an answer in row \(answer.row), column \(column.number) \(column.label) looks like \(answer.kind.phrase) and was left out of '\(path)' for '\(profile)'",
                hint: "personal data is never published; run `profilesheet survey scrub` to remove it from the export",
                field: path)
        }
        let n = outcome.smallCellAnswers
        if n > 0, let first = outcome.rows.first {
            warnings.append(.warning(
                at: aggregator.location(first),
                "\(n) answer\(n == 1 ? "" : "s") to '\(path)' for '\(profile)' given by fewer than \(aggregator.mapping.minCell) respondents \(n == 1 ? "was" : "were") left out (min_cell, column \(column.number) \(column.label))",
                hint: "answers so few people gave could identify them; a survey answered once per community about the community itself, not about people, can set 'min_cell: 1'",
                field: path))
        }
        return warnings
    }

    // MARK: - Reading

    struct Columns {
        var key: SurveyColumn
        var fields: [SurveyColumn]
        /// The columns `personal` declares that the file has.
        var personal: [SurveyColumn] = []
    }

    /// What recognises personal data in `table`'s answers: the values of its personal columns.
    static func detector(_ table: SurveyTable, columns: Columns) -> PersonalDataDetector {
        var detector = PersonalDataDetector()
        for record in table.rows {
            for column in columns.personal {
                if let cell = record.cells[column.index] { detector.addPersonalValue(cell) }
            }
        }
        return detector
    }

    /// The CSV's header checked against the mapping's columns, then its rows with only those
    /// columns kept; nil (with diagnostics) when the survey cannot be used. `sharing` holds every
    /// mapping of this CSV; with `checkUnused`, the columns none of them uses are checked for
    /// personal data, by header and content, and named in a warning.
    func read(
        _ mapping: SurveyMapping, sharedWith sharing: [SurveyMapping] = [], checkUnused: Bool = false, diagnostics: inout [Diagnostic]
    ) -> (SurveyTable, Columns)? {
        let data: Data
        switch BoundedFile.read(mapping.resolvedCSV, limit: SurveyCSV.maximumFileSize) {
        case .success(let bytes): data = bytes
        case .failure(let problem):
            diagnostics.append(SurveyCSV.fileProblem(problem, file: mapping.csvFile))
            return nil
        }
        let (header, headerDiagnostics) = SurveyCSV.readHeader(data, file: mapping.csvFile, delimiter: mapping.delimiter, export: mapping.export)
        diagnostics += headerDiagnostics
        guard let header else { return nil }
        if let wrong = SurveyCSV.otherDelimiter(of: header, mapping: mapping) {
            diagnostics.append(wrong)
            return nil
        }
        var failed = false
        func resolve(_ reference: SurveyMapping.ColumnReference, field: String) -> SurveyColumn? {
            switch header.column(named: reference.name) {
            case .found(let column): return column
            case .ambiguous(let columns):
                diagnostics.append(.error(
                    at: reference.location,
                    "\(columns.count) columns of \(mapping.csvFile) have the question text '\(SurveyText.squeezed(reference.name))': \(columns.map(\.header).joined(separator: ", "))",
                    hint: "name the column by its id, e.g. 'column: \(columns[0].header)'", field: field))
            case .missing(let closest):
                diagnostics.append(.error(
                    at: reference.location,
                    "column '\(SurveyText.squeezed(reference.name))' is not in \(mapping.csvFile)",
                    hint: closest.map { "the closest header is '\($0)'" } ?? "the file has no headers", field: field))
            }
            failed = true
            return nil
        }
        let key = resolve(mapping.key, field: "key.column")
        let fields = mapping.fields.map { resolve($0.column, field: "fields.\($0.field.path).column") }
        guard !failed, let key else { return nil }
        var columns = Columns(key: key, fields: fields.compactMap { $0 })
        let used = Set([key.index] + columns.fields.map(\.index))
        let usedByAll = used.union(sharing.flatMap { other in
            ([other.key] + other.fields.map(\.column)).compactMap { reference -> Int? in
                if case .found(let column) = header.column(named: reference.name) { column.index } else { nil }
            }
        })
        for reference in mapping.personal {
            switch header.column(named: reference.name) {
            case .found(let column):
                if used.contains(column.index) {
                    diagnostics.append(.error(
                        at: reference.location,
                        "column \(column.label) is declared 'personal', but the mapping reads it as \(column.index == key.index ? "its key" : "a field")",
                        hint: "a personal column is never published; remove it from 'personal', or map another column", field: "personal"))
                    failed = true
                } else if !columns.personal.contains(column) {
                    columns.personal.append(column)
                }
            case .ambiguous(let found):
                columns.personal += found.filter { !used.contains($0.index) && !columns.personal.contains($0) }
            case .missing(let closest):
                // A scrubbed export keeps only the mapped columns: its personal ones are gone,
                // and so is every answer that repeated them.
                if header.columns.count > usedByAll.count {
                    diagnostics.append(.warning(
                        at: reference.location,
                        "column '\(SurveyText.squeezed(reference.name))' that 'personal' names is not in \(mapping.csvFile)",
                        hint: (closest.map { "the closest header is '\($0)'; " } ?? "") + "answers repeating its values cannot be recognised", field: "personal"))
                }
            }
        }
        guard !failed else { return nil }
        let keep = used.union(columns.personal.map(\.index))
        let unused = checkUnused ? header.columns.filter { !usedByAll.contains($0.index) } : []
        let (read, rowDiagnostics) = SurveyCSV.readRows(header, keeping: keep.union(unused.map(\.index)))
        diagnostics += rowDiagnostics
        guard var table = read else { return nil }
        if !unused.isEmpty {
            if let warning = Self.unusedPersonalColumnsWarning(table, unused: unused, file: mapping.csvFile) { diagnostics.append(warning) }
            for index in table.rows.indices {
                table.rows[index].cells = table.rows[index].cells.filter { keep.contains($0.key) }
            }
        }
        return (table, columns)
    }

    /// "'Email address', 'Your name' are not used by the mapping and hold personal data: run
    /// `profilesheet survey scrub`", for the `unused` columns whose header or any cell looks
    /// personal; nil when none does.
    static func unusedPersonalColumnsWarning(_ table: SurveyTable, unused: [SurveyColumn], file: String) -> Diagnostic? {
        let detector = PersonalDataDetector()
        let personal = unused.filter { column in
            PersonalDataDetector.headerLooksPersonal(column.header)
                || column.question.map(PersonalDataDetector.headerLooksPersonal) == true
                || table.rows.contains { record in record.cells[column.index].map { detector.kind(of: $0) != nil } ?? false }
        }
        guard let first = personal.first else { return nil }
        let names = personal.map(\.label).joined(separator: ", ")
        let verb = personal.count == 1 ? "is not used by the mapping and holds" : "are not used by the mapping and hold"
        return .warning(
            at: SourceLocation(file: file, line: 1, column: first.number),
            "\(names) \(verb) personal data: run `profilesheet survey scrub`",
            hint: "scrub rewrites the export to the columns its mapping uses, so that what is committed holds nothing it does not need")
    }

    /// The rows of each profile of the run, by index; warnings for rows that match none.
    func match(
        _ table: SurveyTable, mapping: SurveyMapping, keyColumn: SurveyColumn, directory: CommunityDirectory,
        detector: PersonalDataDetector = PersonalDataDetector(), diagnostics: inout [Diagnostic]
    ) -> [Int: [CSVScanner.Record]] {
        var rows: [Int: [CSVScanner.Record]] = [:]
        let what = switch mapping.match {
        case .id: "id"
        case .name: "name or short name"
        case .any: "id, name or short name"
        }
        // While a profile file fails to parse, its name is unknown and every row about its
        // community matches none: such rows are reported once per answer, not once a row.
        let unreadable = directory.unreadableFiles
        var unmatched: [String: (rows: [Int], closest: CommunityDirectory.Entry?, key: String)] = [:]
        var unmatchedOrder: [String] = []
        for record in table.rows {
            let key = record.cells[keyColumn.index] ?? ""
            let location = SourceLocation(file: mapping.csvFile, line: record.row, column: keyColumn.number)
            switch directory.match(key, by: mapping.match) {
            case .profile(let entry):
                if let profile = entry.profile { rows[profile, default: []].append(record) }
            case .none(let closest) where !unreadable.isEmpty:
                let folded = SurveyText.folded(key)
                if unmatched[folded] == nil {
                    unmatchedOrder.append(folded)
                    unmatched[folded] = ([], closest, key)
                }
                unmatched[folded]?.rows.append(record.row)
            case .none(let closest):
                diagnostics.append(.warning(
                    at: location,
                    "row \(record.row) matches no profile: no profile has the \(what) \(detector.quoted(SurveyText.squeezed(key))) (column \(keyColumn.number) \(keyColumn.label))",
                    hint: (closest.map { "the closest profile is \($0.label); " } ?? "") + "the row is not used: correct its answer, or add the community's profile"))
            case .several(let entries):
                diagnostics.append(.warning(
                    at: location,
                    "row \(record.row) matches several profiles: \(detector.quoted(SurveyText.squeezed(key))) names \(entries.map(\.label).joined(separator: " and "))",
                    hint: "the row is not used; give the profiles distinct names and short names, or match by id"))
            case .empty:
                diagnostics.append(.warning(
                    at: location,
                    "row \(record.row) names no community: column \(keyColumn.number) \(keyColumn.label) is empty",
                    hint: "the row is not used; fill in the community, or delete the row"))
            }
        }
        for folded in unmatchedOrder {
            guard let group = unmatched[folded], let first = group.rows.first else { continue }
            let files = unreadable.map { "\($0)" }.joined(separator: ", ")
            diagnostics.append(.warning(
                at: SourceLocation(file: mapping.csvFile, line: first, column: keyColumn.number),
                "\(RowList.text(group.rows)) match\(group.rows.count == 1 ? "es" : "") no profile: no profile has the \(what) \(detector.quoted(SurveyText.squeezed(group.key))) (column \(keyColumn.number) \(keyColumn.label))",
                hint: (group.closest.map { "the closest profile is \($0.label); " } ?? "")
                    + "\(files) could not be read, so \(unreadable.count == 1 ? "its name is" : "their names are") not known: fix \(unreadable.count == 1 ? "its" : "their") errors first; until then the rows are not used"))
        }
        return rows
    }

    // MARK: - Precedence

    /// Decides, field by field, which value wins: the profile file's, else the first mapping's
    /// (by file name) that gives one; records the rest as overridden, and suppression where no
    /// value is left.
    func apply(_ offers: [Offer], to result: inout SurveyMergeResult) {
        var winners: [String: (mapping: String, value: FieldValue, location: SourceLocation?, source: String)] = [:]
        var suppressions: [String: Suppression] = [:]
        for offer in offers {
            var contribution = offer.contribution
            var profile = result.profiles[offer.profile]
            let slot = "\(offer.profile)\u{0}\(offer.path)"
            if offer.failed { result.failedProfiles.insert(profile.file) }
            if case .used = contribution.outcome, let value = contribution.value {
                if case .profile(let location)? = profile.origins[offer.path] {
                    contribution.outcome = .overriddenByProfile(location)
                    if let current = ProfileFields.value(offer.path, of: profile), !value.agrees(with: current) {
                        contribution.disagrees = true
                        result.diagnostics.append(.warning(
                            at: location,
                            "'\(offer.path)' is \(current.description) here (\(location)), but \(value.description) in \(contribution.csv) (\(RowList.text(contribution.rows)), column \(contribution.column)); the profile's value is used",
                            hint: "remove the value from the profile to use the survey's, or correct the survey",
                            field: offer.path))
                    }
                } else if let winner = winners[slot] {
                    contribution.outcome = .overriddenBySurvey(mapping: winner.mapping)
                    if !value.agrees(with: winner.value) {
                        contribution.disagrees = true
                        result.diagnostics.append(.warning(
                            at: offer.firstLocation,
                            "'\(offer.path)' of '\(profile.id)' is \(value.description) here (\(RowList.text(contribution.rows)), column \(contribution.column)), but \(winner.value.description) in \(winner.source); the value of \(winner.mapping) is used",
                            hint: "mappings are taken in file-name order; map the field in one survey only, or make them agree",
                            field: offer.path))
                    }
                } else {
                    ProfileFields.set(offer.path, to: value, in: &profile)
                    profile.origins[offer.path] = .survey(
                        csv: contribution.csv, rows: contribution.rows, column: contribution.column,
                        mapping: contribution.mapping, aggregate: contribution.aggregate.rawValue)
                    profile.suppressed[offer.path] = nil
                    winners[slot] = (contribution.mapping, value, offer.firstLocation,
                                     "\(contribution.csv) (\(RowList.text(contribution.rows)), column \(contribution.column))")
                }
            } else if case .suppressed = contribution.outcome {
                let setInProfile = if case .profile? = profile.origins[offer.path] { true } else { false }
                if !setInProfile, winners[slot] == nil, suppressions[slot] == nil {
                    let suppression = Suppression(minimumResponses: contribution.minResponses, mappingFile: contribution.mapping)
                    suppressions[slot] = suppression
                    profile.suppressed[offer.path] = suppression
                }
            }
            result.profiles[offer.profile] = profile
            result.provenance[profile.file, default: [:]][offer.path, default: []].append(contribution)
        }
    }
}
