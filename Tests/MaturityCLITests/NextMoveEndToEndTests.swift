import Foundation
import MaturityTestSupport
import Testing

/// Company files that each exercise one rule of the next move, run through the binary as JSON.
@Suite("The next move, end to end on company files")
struct NextMoveEndToEndTests {
    static let dir = "Tests/MaturityCLITests/Fixtures/moves"

    /// A company file in the moves fixtures, or any repository path containing a "/".
    func report(_ file: String) throws -> [String: Any] {
        let run = try Binary.run(["report", file.contains("/") ? file : "\(Self.dir)/\(file)", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    func move(_ json: [String: Any]) throws -> [String: Any] { try #require(json["nextMove"] as? [String: Any]) }
    func steps(_ json: [String: Any]) throws -> [[String: Any]] { try #require(json["plan"] as? [[String: Any]]) }

    @Test func theDemoClosesTheMatchersMonitoringGapThenShipsPOEntry() throws {
        let json = try report("examples/hartwell-precision.yaml")
        let m = try move(json)
        #expect(m["kind"] as? String == "close_gate_gaps")
        #expect(m["agent"] as? String == "AP invoice matcher")
        #expect(m["then"] as? String == "Customer PO entry")
        #expect((m["title"] as? String)?.contains("first agent") == false)
        #expect(try steps(json).first?["id"] as? String == "close_gate_gaps")
        #expect(json["goNoGoOn"] as? String == "2027-02-26")
    }

    @Test func anOrphanedLiveAgentIsTheMoveNotAnAside() throws {
        let json = try report("orphaned.yaml")
        let m = try move(json)
        #expect(m["kind"] as? String == "own_or_retire_agent")
        #expect(m["agent"] as? String == "Order entry agent")
        #expect((m["title"] as? String)?.contains("switch it off") == true)
        #expect(try steps(json).first?["id"] as? String == "own_agent")
    }

    @Test func anAgentAtApproveEachContinuesFromItsRung() throws {
        let json = try report("approve-each.yaml")
        let m = try move(json)
        #expect(m["kind"] as? String == "finish_ladder")
        #expect(m["agent"] as? String == "PO agent")
        let ids = try steps(json).compactMap { $0["id"] as? String }
        #expect(ids == ["approve_each", "auto_with_exceptions", "go_no_go", "production_owned"])
        // Approve-each 3 weeks from 1 December, auto 4 weeks: the go/no-go on its last day.
        #expect(json["goNoGoOn"] as? String == "2027-01-18")
        let owned = try #require(try steps(json).first { $0["id"] as? String == "production_owned" })
        #expect(owned["start"] as? String == "2027-01-19")
    }

    @Test func fiveAgentsOnTheirOwnPlumbingHardenThePlatform() throws {
        let json = try report("five-agents.yaml")
        let m = try move(json)
        #expect(m["kind"] as? String == "harden_platform")
        #expect((json["flags"] as? [[String: Any]])?.contains { $0["id"] as? String == "not_yet_portfolio" } == true)
        #expect(m["useCase"] is NSNull)
    }

    @Test func aGovernedPortfolioIsNotToldToInstallGovernance() throws {
        let json = try report("governed.yaml")
        #expect(json["stage"] as? Int == 3)
        let m = try move(json)
        #expect(m["kind"] as? String != "install_governance")
        #expect(m["kind"] as? String == "ship_next_agent")
    }

    @Test func aThirtyCaseAWeekProcessIsNotPromisedInNinetyDays() throws {
        let json = try report("low-volume.yaml")
        let m = try move(json)
        #expect(m["kind"] as? String == "ship_first_agent")
        #expect(m["useCase"] as? String == "Custom quote preparation")
        #expect(m["fitsIn90Days"] as? Bool == false)
        #expect(m["alternative"] as? String == "Supplier follow-up")
        #expect((m["title"] as? String)?.contains("within 90 days") == false)
        #expect(json["shadowWeeks"] as? Int == 17)       // 500 cases at 30 a week
    }

    @Test func aCanadianPlantGetsConvertedRangesAndAWideAxis() throws {
        let json = try report("canadian.yaml")
        let lines = try #require((json["useCases"] as? [[String: Any]])?.first?["runCost"] as? [[String: Any]])
        let model = try #require(lines.first { $0["id"] as? String == "model_api" })
        // (200 + 1,800 × 900/2,500) a month × 1.36 × 12.
        #expect(model["basis"] as? String == "CA$1,153/month for 900 cases/week")
        let html = try Binary.run(["report", "\(Self.dir)/canadian.yaml", "--format", "html"]).stdout
        #expect(html.contains("converted at 1 USD = 1.36 CAD"))
        // The value axis leaves room for "CA$250,000" left of the plot.
        #expect(html.contains("text-anchor=\"end\">CA$"))
    }
}
