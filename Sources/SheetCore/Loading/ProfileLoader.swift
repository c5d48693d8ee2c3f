import Foundation
import Yams

/// Reads one profile file into a `Profile`, checking every rule of profile format 1 that the
/// file alone decides, and reporting all problems of the file at once.
///
/// Rules that depend on survey data (`programming` needs an activity; `members.active` is at
/// most `members.count`) are checked after the merge, by `ProfileChecks`.
public struct ProfileLoader: Sendable {
    /// The profiles folder, as the user named it; logos must resolve inside it.
    public var profilesRoot: String
    public var taxonomy: Taxonomy
    /// The latest year `founded` may be.
    public var currentYear: Int

    public init(profilesRoot: String, taxonomy: Taxonomy, currentYear: Int) {
        self.profilesRoot = profilesRoot
        self.taxonomy = taxonomy
        self.currentYear = currentYear
    }

    public struct Result: Sendable {
        public var profile: Profile?
        public var diagnostics: [Diagnostic]
        /// The file's text, for quoting lines in diagnostics; nil when it could not be read.
        public var source: String?
        /// When the file has errors but is a mapping: the profile as far as it could be read
        /// (a field with an error is unset; the id is the file's name), so that the rules
        /// checked after the merge (`ProfileChecks`) still report their errors in the same run.
        /// Never rendered.
        public var partial: Profile?
    }

    /// Reads the file at `file`: only a regular file of at most `YAMLDocument.maximumFileSize`
    /// bytes is read at all, so that a pipe, a device or a huge file cannot stall the run.
    public func load(file: String) -> Result {
        let (document, parseDiagnostics, source) = YAMLDocument.read(file: file)
        guard let document else { return Result(profile: nil, diagnostics: parseDiagnostics, source: source) }
        return load(document, parseDiagnostics: parseDiagnostics)
    }

    public func load(data: Data, file: String) -> Result {
        let (document, parseDiagnostics) = YAMLDocument.parse(data, file: file)
        guard let document else {
            return Result(profile: nil, diagnostics: parseDiagnostics, source: data.count <= YAMLDocument.maximumFileSize ? TextDecoding.lossy(data) : nil)
        }
        return load(document, parseDiagnostics: parseDiagnostics)
    }

    private func load(_ document: YAMLDocument, parseDiagnostics: [Diagnostic]) -> Result {
        var reader = NodeReader(document: document)
        for diagnostic in parseDiagnostics { reader.append(diagnostic) }
        let profile = read(document, reader: &reader)
        guard reader.diagnostics.hasErrors else { return Result(profile: profile, diagnostics: reader.diagnostics, source: document.text) }
        // A file read only in part (stopped at too many problems) has no partial profile: the
        // rest of it was never looked at.
        var partial = reader.isFull ? nil : profile
        partial?.id = ProfileSchema.id(ofFile: document.file)
        return Result(profile: nil, diagnostics: reader.diagnostics, source: document.text, partial: partial)
    }

    // MARK: - The profile

    private func read(_ document: YAMLDocument, reader: inout NodeReader) -> Profile? {
        let file = document.file
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let root = document.root else {
            reader.append(.error(at: start, "the file is empty", hint: "a profile needs at least 'format', 'id', 'name', 'type', 'period', 'mission' and programming"))
            return nil
        }
        guard case .mapping(let mapping) = root else {
            reader.error(root, "a profile must be a mapping of keys to values, found \(NodeReader.kind(of: root))",
                         hint: "write one 'key: value' per line, starting with 'format: 1'")
            return nil
        }
        let entries = reader.entries(of: mapping, allowed: ProfileSchema.rootKeys, field: nil, homes: ProfileSchema.homes)
        for key in ProfileSchema.requiredKeys where entries[key] == nil {
            reader.append(.error(
                at: reader.location(root), "missing required key '\(key)'",
                hint: Self.requiredHint[key], field: key))
        }
        var origins: [String: ValueOrigin] = [:]
        func value(_ key: String) -> Node? {
            guard let entry = entries[key] else { return nil }
            origins[key] = .profile(reader.location(entry.value))
            return entry.value
        }

        if let node = value("format"), let format = reader.integer(node, field: "format", range: Int.min...Int.max), format != 1 {
            reader.error(node, "unsupported format \(format)", hint: "this version of profilesheet reads format 1; write 'format: 1'", field: "format")
        }
        let id = value("id").flatMap { readID($0, file: file, reader: &reader) }
        let name = value("name").flatMap { reader.text($0, field: "name", length: ProfileSchema.nameLength) }
        let type = value("type").flatMap { reader.choice($0, field: "type", as: CommunityType.self) }
        let period = value("period").flatMap { readPeriod($0, reader: &reader) }
        let mission = value("mission").flatMap { reader.text($0, field: "mission", length: ProfileSchema.missionLength) }

        var profile = Profile(
            id: id ?? "", name: name ?? "", type: type ?? .other, period: period ?? .year(currentYear),
            mission: mission ?? "", file: file)
        profile.shortName = value("short_name").flatMap { reader.text($0, field: "short_name", length: ProfileSchema.shortNameLength) }
        profile.founded = value("founded").flatMap {
            reader.integer($0, field: "founded", range: ProfileSchema.earliestYear...currentYear)
        }
        profile.website = value("website").flatMap { reader.webURL($0, field: "website") }
        profile.logo = value("logo").flatMap { readLogo($0, file: file, reader: &reader) }
        if let node = value("language"), let tag = reader.text(node, field: "language", length: 1...35) {
            if ScalarRules.isLanguageTag(tag) {
                profile.language = tag
            } else {
                reader.error(node, "'language' is not a BCP 47 language tag: '\(ScalarRules.shown(tag))'",
                             hint: tag.contains("_") && ScalarRules.isLanguageTag(tag.replacingOccurrences(of: "_", with: "-"))
                                ? "BCP 47 separates parts with '-': write '\(tag.replacingOccurrences(of: "_", with: "-"))'"
                                : "for example 'en', 'es', 'ja' or 'pt-BR'", field: "language")
            }
        }
        if let node = value("keywords") { profile.keywords = readKeywords(node, reader: &reader) }
        profile.narrative = value("narrative").flatMap { reader.richText($0, field: "narrative", length: ProfileSchema.narrativeLength) }
        if let node = value("structure") { profile.structure = readStructure(node, reader: &reader, origins: &origins) }
        if let node = value("staffing") { profile.staffing = readStaffing(node, reader: &reader, origins: &origins) }
        if let node = value("members") { profile.members = readMembers(node, reader: &reader, origins: &origins) }
        if let node = value("programming") { profile.programming = readProgramming(node, reader: &reader, origins: &origins) }
        profile.champions = value("champions").flatMap { reader.richText($0, field: "champions", length: ProfileSchema.championsLength) }
        profile.funding = value("funding").flatMap {
            readBreakdown($0, field: "funding", categories: ProfileSchema.fundingCategories, reader: &reader)
        }
        if let node = value("tools") {
            profile.tools = reader.textList(node, field: "tools", count: ProfileSchema.toolsCount, length: ProfileSchema.toolLength, distinct: true, itemName: "tool")
        }
        if let node = value("highlights") { profile.highlights = readHighlights(node, reader: &reader, origins: &origins) }
        if let node = value("contact") { profile.contact = readContact(node, reader: &reader, origins: &origins) }
        if let node = value("license") {
            profile.license = readLicense(node, reader: &reader) ?? profile.license
        } else {
            origins["license"] = .defaultValue
        }
        if entries["language"] == nil { origins["language"] = .defaultValue }
        profile.origins = origins
        return profile
    }

    static let requiredHint: [String: String] = [
        "format": "add 'format: 1' as the first line",
        "id": "add 'id:' with the file name without '.yaml'",
        "name": "add 'name:' with the community's full name (1–120 characters)",
        "type": "add 'type:', e.g. 'type: community-of-practice'",
        "period": "add the year reported on, e.g. 'period: 2025'",
        "mission": "add 'mission:' with one or two sentences (1–400 characters)",
    ]

    // MARK: - Fields

    private func readID(_ node: Node, file: String, reader: inout NodeReader) -> String? {
        guard let id = reader.text(node, field: "id", length: 1...Int.max) else { return nil }
        guard ScalarRules.isSlug(id) else {
            let suggestion = String(ScalarRules.slugified(id).prefix(ProfileSchema.idLength.upperBound))
            reader.error(node, "'id' must be a slug of lowercase letters, digits and single hyphens, found '\(ScalarRules.shown(id))'",
                         hint: suggestion.count >= 2 ? "for example '\(suggestion)'" : nil, field: "id")
            return nil
        }
        if case .failure(let problem) = ScalarRules.checkLength(id, count: id.count, field: "id", length: ProfileSchema.idLength) {
            reader.report(problem, at: node, field: "id")
            return nil
        }
        let fileName = ProfileSchema.id(ofFile: file)
        if id != fileName {
            let suffix = (file as NSString).pathExtension.isEmpty ? "" : "." + (file as NSString).pathExtension
            reader.error(node, "'id' is '\(id)' but the file is named '\(ScalarRules.shown(fileName))\(ScalarRules.shown(suffix))'",
                         hint: "the id must equal the file name: rename the file to '\(id)\(ScalarRules.shown(suffix))' or write 'id: \(fileName)'", field: "id")
        }
        return id
    }

    private func readPeriod(_ node: Node, reader: inout NodeReader) -> ReportingPeriod? {
        let latest = currentYear + 1
        if case .scalar(let scalar) = node {
            if let year = ScalarRules.parseDecimalInteger(scalar.string.trimmingWhitespace()) {
                guard (ProfileSchema.earliestYear...latest).contains(year) else {
                    reader.error(node, "'period' is out of range: \(year)", hint: "use a year from \(ProfileSchema.earliestYear) to \(latest)", field: "period")
                    return nil
                }
                return .year(year)
            }
            reader.error(node, scalar.string.isEmpty ? "'period' is empty" : "'period' must be a year or a range of months, found '\(ScalarRules.shown(scalar.string))'",
                         hint: "write e.g. 'period: 2025' or 'period: {from: 2025-01, to: 2025-12}'", field: "period")
            return nil
        }
        guard let mapping = reader.mapping(node, field: "period", expected: "a year or a range of months") else { return nil }
        let entries = reader.entries(of: mapping, allowed: ProfileSchema.periodKeys, field: "period")
        var ends: [String: YearMonth] = [:]
        for key in ProfileSchema.periodKeys {
            guard let entry = entries[key] else {
                reader.error(node, "missing required key '\(key)' in 'period'", hint: "write e.g. 'period: {from: 2025-01, to: 2025-12}'", field: "period.\(key)")
                continue
            }
            guard let text = reader.text(entry.value, field: "period.\(key)", length: 1...20) else { continue }
            guard let month = Self.yearMonth(text), (ProfileSchema.earliestYear...latest).contains(month.year) else {
                let inRange = Self.yearMonth(text).map { (ProfileSchema.earliestYear...latest).contains($0.year) } ?? true
                reader.error(entry.value, inRange ? "'period.\(key)' must be a year and month such as 2025-01, found '\(ScalarRules.shown(text))'"
                                                  : "'period.\(key)' is out of range: \(text)",
                             hint: inRange ? "write the year, a hyphen and the month in two digits"
                                           : "use a month from \(ProfileSchema.earliestYear)-01 to \(latest)-12", field: "period.\(key)")
                continue
            }
            ends[key] = month
        }
        guard let from = ends["from"], let to = ends["to"], let toNode = entries["to"]?.value else { return nil }
        let period = ReportingPeriod.months(from: from, to: to)
        // Both problems are reported at 'to': the end that is out of place.
        if to < from {
            reader.error(toNode, "'period' ends before it starts: \(text(from)) is after \(text(to))", hint: "swap 'from' and 'to'", field: "period")
            return nil
        }
        if period.monthCount > ProfileSchema.periodMonths {
            reader.error(toNode, "'period' spans \(period.monthCount) months", hint: "at most \(ProfileSchema.periodMonths) months are allowed; 'to' can be \(text(Self.month(from, plus: ProfileSchema.periodMonths - 1))) at the latest", field: "period")
            return nil
        }
        return period
    }

    static func month(_ month: YearMonth, plus count: Int) -> YearMonth {
        let index = month.year * 12 + month.month - 1 + count
        return YearMonth(year: index / 12, month: index % 12 + 1)
    }

    private func text(_ month: YearMonth) -> String {
        "\(month.year)-\(month.month < 10 ? "0" : "")\(month.month)"
    }

    /// `2025-01`: four digits, a hyphen, two digits from 01 to 12.
    static func yearMonth(_ text: String) -> YearMonth? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts[0].allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit),
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        return YearMonth(year: year, month: month)
    }

    private func readLogo(_ node: Node, file: String, reader: inout NodeReader) -> LogoFile? {
        guard let raw = reader.scalarText(node, field: "logo", expected: "a path") else { return nil }
        let path = raw.trimmingWhitespace()
        if !path.unicodeScalars.contains("\0"), reader.controlCharacterError(node, raw: raw, field: "logo") { return nil }
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent().path
        switch PathContainment.resolve(path, in: directory, root: profilesRoot) {
        case .failure(.containsNUL):
            let location = reader.document?.location(in: node, value: raw, firstWhere: { $0 == "\0" }) ?? reader.location(node)
            reader.error(at: location, "'logo' contains a NUL character", hint: "remove it", field: "logo")
            return nil
        case .failure(let problem):
            let (message, hint): (String, String?) = switch problem {
            case .empty: ("'logo' is empty", "give the path of a PNG, JPEG or SVG file, or remove the key")
            case .containsNUL: ("'logo' contains a NUL character", "remove it")
            case .absolute: ("'logo' must be a path relative to the profile's folder, found '\(ScalarRules.shown(path, limit: 200))'",
                             "put the file under the profiles folder and write e.g. 'logo: logos/\(ScalarRules.shown(Self.lastComponent(path)))'")
            case .notFound: ("logo file '\(ScalarRules.shown(path, limit: 200))' does not exist", Self.nearbyFileHint(path, in: directory))
            case .symlinkLoop: ("'logo' goes round a loop of symbolic links: '\(ScalarRules.shown(path, limit: 200))'",
                                "replace a link on the way with the file or folder it stands for")
            case .outsideRoot: ("'logo' leads outside the profiles folder: '\(ScalarRules.shown(path, limit: 200))'",
                                "logos must be inside '\(profilesRoot)', after following symlinks")
            case .notAFile: ("'logo' is not a regular file: '\(ScalarRules.shown(path, limit: 200))'", "give the path of a PNG, JPEG or SVG file")
            }
            reader.error(node, message, hint: hint, field: "logo")
            return nil
        case .success(let resolved):
            switch ImageProbe.probe(file: resolved) {
            case .success(let info):
                return LogoFile(path: path, resolvedPath: resolved, format: info.format, width: info.width, height: info.height)
            case .failure(let problem):
                let (message, hint) = Self.describe(problem, path: path)
                reader.error(node, message, hint: hint, field: "logo")
                return nil
            }
        }
    }

    static func lastComponent(_ path: String) -> String {
        path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? path
    }

    static func describe(_ problem: ImageProbe.Problem, path full: String) -> (String, String?) {
        let path = ScalarRules.shown(full, limit: 200)
        let described: (String, String?) = switch problem {
        case .unreadable: ("cannot read logo file '\(path)'", nil)
        case .tooLarge(let bytes):
            // Under the general limit, only an SVG is too large.
            ("logo file '\(path)' is \(bytes) bytes",
             "at most \(bytes <= ImageProbe.maximumFileSize ? "\(ImageProbe.maximumSVGSize) bytes are read for an SVG" : "\(ImageProbe.maximumFileSize) bytes are read")")
        case .unknownFormat: ("logo '\(path)' is not a PNG, JPEG or SVG file", "convert it to PNG, JPEG or SVG")
        case .truncated(let format): ("logo '\(path)' is a truncated or corrupt \(format.rawValue.uppercased()) file", "export the image again")
        case .tooManyPixels(let width, let height):
            ("logo '\(path)' is \(width)×\(height) pixels", "at most \(ImageProbe.maximumPixels)×\(ImageProbe.maximumPixels) are allowed; scale it down")
        case .malformedSVG(let detail): ("logo '\(path)' is not a well-formed SVG file: \(detail.lowercasedFirst)", "export the image again")
        case .svgWithoutSize: ("logo '\(path)' has no size", "give the <svg> element a viewBox, or width and height")
        case .externalReference(let reference):
            ("logo '\(path)' refers to something outside the file: '\(reference)'",
             "embed the resource in the SVG or remove it; external references render blank")
        }
        return described
    }

    static func nearbyFileHint(_ path: String, in directory: String) -> String? {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
        let folder = url.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        return Suggestion.closest(to: url.lastPathComponent, in: names.sorted()).map {
            "did you mean '\((path as NSString).deletingLastPathComponent.isEmpty ? $0 : (path as NSString).deletingLastPathComponent + "/" + $0)'?"
        }
    }

    private func readKeywords(_ node: Node, reader: inout NodeReader) -> [String] {
        guard let items = reader.sequence(node, field: "keywords", count: ProfileSchema.keywordsCount) else { return [] }
        var keywords: [String] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            if reader.isFull { break }
            guard let keyword = reader.text(item, field: "keywords[\(index + 1)]", length: 1...64) else { continue }
            if let first = seen[keyword] {
                reader.error(item, "keyword '\(ScalarRules.shown(keyword))' is listed twice in 'keywords'", hint: "it is already item \(first); remove one", field: "keywords")
                continue
            }
            seen[keyword] = index + 1
            if let refusal = taxonomy.refusal(of: keyword, shown: ScalarRules.shown(keyword)) {
                reader.error(item, refusal.message, hint: refusal.hint, field: "keywords")
                continue
            }
            keywords.append(keyword)
        }
        return keywords
    }

    private func readStructure(_ node: Node, reader: inout NodeReader, origins: inout [String: ValueOrigin]) -> CommunityStructure {
        var structure = CommunityStructure()
        guard let mapping = reader.mapping(node, field: "structure", expected: "a mapping") else { return structure }
        let entries = reader.entries(of: mapping, allowed: ProfileSchema.structureKeys, field: "structure")
        func value(_ key: String) -> Node? {
            guard let entry = entries[key] else { return nil }
            origins["structure.\(key)"] = .profile(reader.location(entry.value))
            return entry.value
        }
        structure.host = value("host").flatMap { reader.text($0, field: "structure.host", length: ProfileSchema.hostLength) }
        structure.governance = value("governance").flatMap { reader.text($0, field: "structure.governance", length: ProfileSchema.governanceLength) }
        if let node = value("leadership"),
           let items = reader.sequence(node, field: "structure.leadership", count: ProfileSchema.leadershipCount) {
            for (index, item) in items.enumerated() {
                if reader.isFull { break }
                let field = "structure.leadership[\(index + 1)]"
                guard let itemMapping = reader.mapping(item, field: field, expected: "a mapping with 'role' and optionally 'name'") else { continue }
                let itemEntries = reader.entries(of: itemMapping, allowed: ProfileSchema.leadershipKeys, field: field)
                guard let roleEntry = itemEntries["role"] else {
                    reader.error(item, "missing required key 'role' in '\(field)'", hint: "write e.g. '- role: Chair'", field: field)
                    continue
                }
                guard let role = reader.text(roleEntry.value, field: "\(field).role", length: ProfileSchema.roleLength) else { continue }
                let name = itemEntries["name"].flatMap { reader.text($0.value, field: "\(field).name", length: ProfileSchema.personNameLength) }
                structure.leadership.append(LeadershipRole(role: role, name: name))
            }
        }
        return structure
    }

    private func readStaffing(_ node: Node, reader: inout NodeReader, origins: inout [String: ValueOrigin]) -> Staffing {
        var staffing = Staffing()
        guard let mapping = reader.mapping(node, field: "staffing", expected: "a mapping") else { return staffing }
        let entries = reader.entries(of: mapping, allowed: ProfileSchema.staffingKeys, field: "staffing")
        func value(_ key: String) -> Node? {
            guard let entry = entries[key] else { return nil }
            origins["staffing.\(key)"] = .profile(reader.location(entry.value))
            return entry.value
        }
        staffing.paidFTE = value("paid_fte").flatMap { reader.decimal($0, field: "staffing.paid_fte", range: ProfileSchema.paidFTERange, places: 2) }
        staffing.communityManagers = value("community_managers").flatMap {
            reader.integer($0, field: "staffing.community_managers", range: ProfileSchema.communityManagersRange)
        }
        staffing.volunteers = value("volunteers").flatMap { reader.integer($0, field: "staffing.volunteers", range: ProfileSchema.volunteersRange) }
        return staffing
    }

    private func readMembers(_ node: Node, reader: inout NodeReader, origins: inout [String: ValueOrigin]) -> Members {
        var members = Members()
        guard let mapping = reader.mapping(node, field: "members", expected: "a mapping") else { return members }
        let entries = reader.entries(of: mapping, allowed: ProfileSchema.membersKeys, field: "members")
        func value(_ key: String) -> Node? {
            guard let entry = entries[key] else { return nil }
            origins["members.\(key)"] = .profile(reader.location(entry.value))
            return entry.value
        }
        members.count = value("count").flatMap { reader.integer($0, field: "members.count", range: ProfileSchema.membersRange) }
        members.active = value("active").flatMap { reader.integer($0, field: "members.active", range: ProfileSchema.membersRange) }
        members.regions = value("regions").flatMap { readBreakdown($0, field: "members.regions", categories: nil, reader: &reader) }
        members.careerStages = value("career_stages").flatMap { readBreakdown($0, field: "members.career_stages", categories: nil, reader: &reader) }
        return members
    }

    private func readProgramming(_ node: Node, reader: inout NodeReader, origins: inout [String: ValueOrigin]) -> Programming {
        var programming = Programming()
        guard let mapping = reader.mapping(node, field: "programming", expected: "a mapping of participation modes to activities") else {
            return programming
        }
        let entries = reader.entries(of: mapping, allowed: ProfileSchema.programmingKeys, field: "programming")
        for mode in ParticipationMode.allCases {
            guard let entry = entries[mode.rawValue] else { continue }
            let field = "programming.\(mode.rawValue)"
            origins[field] = .profile(reader.location(entry.value))
            programming[mode] = reader.textList(
                entry.value, field: field, count: ProfileSchema.activitiesCount, length: ProfileSchema.activityLength,
                distinct: true, itemName: "activity")
        }
        return programming
    }

    private func readHighlights(_ node: Node, reader: inout NodeReader, origins: inout [String: ValueOrigin]) -> Highlights {
        var highlights = Highlights()
        guard let mapping = reader.mapping(node, field: "highlights", expected: "a mapping") else { return highlights }
        let entries = reader.entries(of: mapping, allowed: ProfileSchema.highlightsKeys, field: "highlights")
        func list(_ key: String) -> [RichText] {
            guard let entry = entries[key] else { return [] }
            origins["highlights.\(key)"] = .profile(reader.location(entry.value))
            return reader.richList(entry.value, field: "highlights.\(key)", count: ProfileSchema.highlightsCount, length: ProfileSchema.highlightLength)
        }
        highlights.successes = list("successes")
        highlights.outputs = list("outputs")
        highlights.challenges = list("challenges")
        highlights.plans = list("plans")
        return highlights
    }

    private func readContact(_ node: Node, reader: inout NodeReader, origins: inout [String: ValueOrigin]) -> Contact {
        var contact = Contact()
        guard let mapping = reader.mapping(node, field: "contact", expected: "a mapping") else { return contact }
        let entries = reader.entries(of: mapping, allowed: ProfileSchema.contactKeys, field: "contact")
        func value(_ key: String) -> Node? {
            guard let entry = entries[key] else { return nil }
            origins["contact.\(key)"] = .profile(reader.location(entry.value))
            return entry.value
        }
        contact.name = value("name").flatMap { reader.text($0, field: "contact.name", length: ProfileSchema.personNameLength) }
        if let node = value("email"), let email = reader.text(node, field: "contact.email", length: 3...254) {
            if URLCheck.isPlausibleEmail(email) {
                contact.email = email
            } else {
                reader.error(node, "'contact.email' is not a plausible e-mail address: '\(ScalarRules.shown(email))'", hint: "write it as name@example.org", field: "contact.email")
            }
        }
        contact.url = value("url").flatMap { reader.webURL($0, field: "contact.url") }
        return contact
    }

    private func readLicense(_ node: Node, reader: inout NodeReader) -> String? {
        guard let id = reader.text(node, field: "license", length: 1...64) else { return nil }
        guard SPDXLicenses.isWellFormed(id) else {
            reader.error(node, "'license' must be an SPDX license id, found '\(ScalarRules.shown(id))'", hint: Suggestion.didYouMean(id, in: SPDXLicenses.known) ?? "for example 'CC-BY-4.0'", field: "license")
            return nil
        }
        if !SPDXLicenses.known.contains(id) {
            if let known = SPDXLicenses.known.first(where: { $0.lowercased() == id.lowercased() }) {
                reader.error(node, "'license' is written '\(id)'; SPDX writes it '\(known)'", hint: "write '\(known)'", field: "license")
                return nil
            }
            reader.warning(node, "'license' '\(id)' is not an SPDX id that profilesheet knows",
                           hint: Suggestion.didYouMean(id, in: SPDXLicenses.known) ?? "check it against the SPDX license list", field: "license")
        }
        return id
    }

    /// A breakdown: 1–10 slug categories (from `categories` when given) mapped to percentages
    /// with at most one decimal, summing to 100 ± 1.
    private func readBreakdown(_ node: Node, field: String, categories: [String]?, reader: inout NodeReader) -> Breakdown? {
        guard let mapping = reader.mapping(node, field: field, expected: "a mapping of categories to percentages") else { return nil }
        var shares: [Breakdown.Share] = []
        var valid = true
        for (key, value) in mapping {
            if reader.isFull { break }
            guard case .scalar(let keyScalar) = key else {
                reader.error(key, "keys must be plain text, found \(NodeReader.kind(of: key))")
                valid = false
                continue
            }
            let category = keyScalar.string
            if let categories, !categories.contains(category) {
                reader.error(key, "unknown category '\(ScalarRules.shown(category))' in '\(field)'",
                             hint: Suggestion.didYouMean(category, in: categories) ?? "use one of " + categories.map { "'\($0)'" }.joined(separator: ", "),
                             field: field)
                valid = false
                continue
            }
            if categories == nil, !ScalarRules.isSlug(category) {
                let suggestion = ScalarRules.slugified(category)
                reader.error(key, "category '\(ScalarRules.shown(category))' in '\(field)' must be a slug of lowercase letters, digits and hyphens",
                             hint: suggestion.isEmpty ? nil : "for example '\(suggestion)'", field: field)
                valid = false
                continue
            }
            guard let percent = reader.decimal(value, field: "\(field).\(category)", range: 0...100, places: 1) else {
                valid = false
                continue
            }
            shares.append(Breakdown.Share(category: category, percent: percent))
        }
        guard valid else { return nil }
        let breakdown = Breakdown(shares)
        guard let problem = BreakdownRules.check(breakdown, field: field) else { return breakdown }
        // Too many categories: at the first one past the limit; otherwise at the breakdown.
        let limit = ProfileSchema.breakdownCategories.upperBound
        let at = shares.count > limit ? Array(mapping)[limit].key : node
        reader.report(problem, at: at, field: field)
        return nil
    }
}
