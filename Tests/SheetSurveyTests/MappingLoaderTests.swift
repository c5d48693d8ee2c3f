import Foundation
import SheetCore
import Testing
@testable import SheetSurvey

@Suite("Reading survey mappings")
struct MappingLoaderTests {
    func load(_ text: String, csv: String = "Community,Members\nx,1\n") throws -> (SurveyMappingLoader.Result, SurveyFixture) {
        let fixture = try SurveyFixture()
        try fixture.write(csv, as: "surveys/s.csv")
        let file = try fixture.write(text, as: "surveys/s.survey.yaml")
        let loader = SurveyMappingLoader(profilesRoot: fixture.root, catalog: SurveyFieldCatalog(currentYear: 2026))
        return (loader.load(file: file), fixture)
    }

    /// Messages and hints, one line each, with the fixture's path removed.
    func messages(_ text: String) throws -> [String] {
        let (result, fixture) = try load(text)
        defer { fixture.remove() }
        let lines = result.diagnostics.sorted().map { diagnostic in
            let location = diagnostic.location.map { "\(($0.file as NSString).lastPathComponent):\($0.line):\($0.column): " } ?? ""
            return location + diagnostic.message + (diagnostic.hint.map { " | " + $0 } ?? "")
        }
        return lines
    }

    static let valid = """
        format: 1
        source: s.csv
        key: {column: Community, match: id}
        fields:
          members.count: {column: Members, aggregate: one}

        """

    @Test func aValidMappingAndItsDefaults() throws {
        let (result, fixture) = try load(Self.valid)
        defer { fixture.remove() }
        #expect(result.diagnostics.isEmpty)
        let mapping = try #require(result.mapping)
        #expect(mapping.export == .auto)
        #expect(mapping.delimiter == UInt8(ascii: ","))
        #expect(mapping.minResponses == 5)
        #expect(mapping.minCell == 3)
        #expect(mapping.match == .id)
        #expect(mapping.csvFile == fixture.root + "/surveys/s.csv")
        #expect(mapping.fields.map(\.field.path) == ["members.count"])
    }

    @Test func leavingOutMatchAndAggregate() throws {
        let (result, fixture) = try load("""
            format: 1
            source: s.csv
            key: {column: Community}
            fields:
              members.regions: {column: Members}
              tools: {column: Members}
              members.count: {column: Members}

            """)
        defer { fixture.remove() }
        let mapping = try #require(result.mapping)
        #expect(mapping.match == .any)
        #expect(mapping.fields.map(\.aggregate) == [.share, .union, .one])
    }

    @Test func unknownKeysGetADidYouMean() throws {
        let text = Self.valid.replacingOccurrences(of: "source:", with: "sorce:") + "min_respones: 3\n"
        #expect(try messages(text) == [
            "s.survey.yaml:1:1: missing required key 'source' | add 'source:' with the CSV export's file name, relative to this file",
            "s.survey.yaml:2:1: unknown key 'sorce' in a survey mapping | did you mean 'source'?",
            "s.survey.yaml:6:1: unknown key 'min_respones' in a survey mapping | did you mean 'min_responses'?",
        ])
        let nested = Self.valid.replacingOccurrences(of: "aggregate: one", with: "agregate: one")
        #expect(try messages(nested) == ["s.survey.yaml:5:36: unknown key 'agregate' in 'fields.members.count' | did you mean 'aggregate'?"])
    }

    @Test func unknownAndUnsurveyableFieldPaths() throws {
        let text = Self.valid.replacingOccurrences(of: "members.count:", with: "members.cuont:") + "  id: {column: Members}\n"
        #expect(try messages(text) == [
            "s.survey.yaml:5:3: unknown profile field 'members.cuont' | did you mean 'members.count'?",
            "s.survey.yaml:6:3: 'id' cannot come from a survey: it names the profile's file",
        ])
    }

    @Test func aggregatesMustSuitTheFieldsType() throws {
        #expect(try messages(Self.valid.replacingOccurrences(of: "aggregate: one", with: "aggregate: share")) == [
            "s.survey.yaml:5:47: 'share' does not give a whole number, which 'members.count' is | 'members.count' takes 'one', 'sum', 'min', 'max', 'mean', 'median' or 'count'",
        ])
        #expect(try messages(Self.valid.replacingOccurrences(of: "aggregate: one", with: "aggregate: sume")) == [
            "s.survey.yaml:5:47: unknown aggregate 'sume' | did you mean 'sum'?",
        ])
        let breakdown = Self.valid.replacingOccurrences(of: "members.count: {column: Members, aggregate: one}", with: "funding: {column: Members, aggregate: sum}")
        #expect(try messages(breakdown) == ["s.survey.yaml:5:41: 'sum' does not give a breakdown, which 'funding' is | 'funding' takes 'share'"])
        let paid = Self.valid.replacingOccurrences(of: "members.count: {column: Members, aggregate: one}", with: "staffing.paid_fte: {column: Members, aggregate: count}")
        #expect(try messages(paid).first?.contains("'count' does not give a number, which 'staffing.paid_fte' is") == true)
    }

    @Test func splitValuesAndOtherAreChecked() throws {
        let text = """
            format: 1
            source: s.csv
            key: {column: Community}
            fields:
              members.count: {column: Members, split: ", "}
              members.regions:
                column: Members
                values: {"United States": North America, Canada: north-america, canada: north-america}
                other: Other
              tools: {column: Members, other: misc}

            """
        #expect(try messages(text) == [
            "s.survey.yaml:5:43: 'split' breaks a cell into several answers, but 'members.count' takes one whole number | remove 'split'; only list fields such as 'tools' take several answers",
            "s.survey.yaml:8:31: category 'North America' in 'members.regions' must be a slug of lowercase letters, digits and hyphens | for example 'north-america'",
            "s.survey.yaml:8:69: answer 'canada' is listed twice in 'fields.members.regions.values' (as 'Canada' too) | answers are compared ignoring case and repeated spaces; keep one",
            "s.survey.yaml:9:12: category 'Other' in 'members.regions' must be a slug of lowercase letters, digits and hyphens | for example 'other'",
            "s.survey.yaml:10:35: 'other' takes the answers that 'values' does not list, but 'fields.tools' has no 'values' | add 'values:', or remove 'other'",
        ])
    }

    @Test func fundingCategoriesAreFixed() throws {
        let text = Self.valid.replacingOccurrences(
            of: "members.count: {column: Members, aggregate: one}", with: "funding: {column: Members, values: {Grants: grant}}")
        #expect(try messages(text) == ["s.survey.yaml:5:47: unknown category 'grant' in 'funding' | did you mean 'grants'?"])
    }

    @Test func sourceMustExistInsideTheProfilesFolder() throws {
        #expect(try messages(Self.valid.replacingOccurrences(of: "source: s.csv", with: "source: S.csv")) == [
            "s.survey.yaml:2:9: survey export 'S.csv' does not exist | did you mean 's.csv'?",
        ])
        #expect(try messages(Self.valid.replacingOccurrences(of: "source: s.csv", with: "source: ../../../etc/passwd")).first?
            .contains("'source' leads outside the profiles folder") == true)
        #expect(try messages(Self.valid.replacingOccurrences(of: "source: s.csv", with: "source: /etc/passwd")).first?
            .contains("'source' must be a path relative to the mapping file") == true)
        #expect(try messages(Self.valid.replacingOccurrences(of: "source: s.csv", with: "source: answers.YAML")) == [
            "s.survey.yaml:2:9: 'source' must be the survey's CSV export, found the YAML file 'answers.YAML' | name the .csv file the survey tool exported",
        ])
    }

    @Test func delimiterMatchThresholdsAndFormat() throws {
        let text = Self.valid.replacingOccurrences(of: "match: id", with: "match: names")
            .replacingOccurrences(of: "format: 1", with: "format: 2") + "delimiter: \"ab\"\nmin_cell: 0\nexport: qualtrix\n"
        #expect(try messages(text) == [
            "s.survey.yaml:1:9: unsupported format 2 | this version of profilesheet reads survey mapping format 1",
            "s.survey.yaml:3:33: 'key.match' must be 'id' or 'name', found 'names' | did you mean 'name'?",
            "s.survey.yaml:6:12: 'delimiter' must be one ASCII character other than a quote or a line break, found 'ab' | for example \",\", \";\" or \"\\t\" (in double quotes) for a tab",
            "s.survey.yaml:7:11: 'min_cell' is out of range: 0 | use a value from 1 to 1000000",
            "s.survey.yaml:8:9: 'export' must be one of its allowed values, found 'qualtrix' | did you mean 'qualtrics'?",
        ])
        let tab = Self.valid + "delimiter: \"\\t\"\n"
        let (result, fixture) = try load(tab)
        defer { fixture.remove() }
        #expect(result.mapping?.delimiter == 9)
    }

    @Test func yamlProblemsAreReportedLikeAProfiles() throws {
        let anchors = Self.valid + "min_cell: &x 3\nmin_responses: *x\n"
        // The wording of the hint is YAMLDocument's; the point is that the mapping is refused.
        #expect(try messages(anchors).first?.contains("anchors and aliases are not allowed") == true)
        #expect(try messages("").first?.contains("the file is empty") == true)
    }
}
