import MaturityCore
import MaturityTestSupport
import Testing

@Suite("Scoring use cases")
struct ScoringTests {
    let q = Repo.questionnaire

    func score(_ processes: [InventoryProcess], stage: Int = 1, agents: [Agent] = []) -> [UseCase] {
        Scoring.score(Build.assessment(processes: processes, planStartsOn: nil).with(agents: agents), questionnaire: q, stage: stage)
    }

    @Test func annualValueIsHoursTimesWeeksTimesRateTimesAutomatableShare() throws {
        let u = try #require(score([Build.process("Supplier follow-up", hours: 30)]).first)
        #expect(u.annualValue == 30 * 52 * 48 * 0.9)
        #expect(abs(u.fteFreed - 30 * 0.9 / 40) < 1e-9)
    }

    @Test func runCostFollowsTheSeedTable() throws {
        let u = try #require(score([Build.process("Supplier follow-up", hours: 30, volume: 400, exceptionShare: 0.1)]).first)
        let lines = Dictionary(uniqueKeysWithValues: u.runCost.map { ($0.id, $0.annual) })
        let model: Double = (200 + 1800 * 400.0 / 2500) * 12   // scaled by volume inside $200–2,000/month
        let monitoring: Double = 500 * 400.0 / 2500 * 12       // $0–500/month
        let exceptions: Double = 0.1 * 2080 * 48               // 3 h of exceptions a week rounds up to the 0.1 FTE floor
        let maintenance: Double = 6 * 12 * 48                  // semi-structured input: 6 h a month
        #expect(lines["model_api"] == model)
        #expect(lines["monitoring"] == monitoring)
        #expect(lines["exception_handling"] == exceptions)
        #expect(lines["maintenance"] == maintenance)
        #expect(u.annualRunCost == lines.values.reduce(0, +))
        #expect(u.roi == u.annualValue / u.annualRunCost)
    }

    @Test func exceptionLabourScalesWithTheExceptionShareWithinItsRange() throws {
        let many = try #require(score([Build.process("Claims", hours: 100, exceptionShare: 0.5)]).first)
        #expect(many.runCost.first { $0.id == "exception_handling" }?.annual == 0.5 * 2080 * 48)
        let some = try #require(score([Build.process("Claims", hours: 60, exceptionShare: 0.2)]).first)
        let twentyHoursOfExceptions: Double = 0.3 * 2080 * 48   // 12 h a week = 0.3 FTE, inside 0.1–0.5
        #expect(some.runCost.first { $0.id == "exception_handling" }?.annual == twentyHoursOfExceptions)
    }

    @Test func useCaseUnderThreeTimesIsFlaggedAndNeverTheNextMove() throws {
        let small = Build.process("Fax filing", hours: 4, volume: 2000)
        let cases = score([small])
        let u = try #require(cases.first)
        #expect(u.roi < 3)
        #expect(u.flags.contains("roi_below_3x"))
        #expect(!u.eligible)
        let e = Evaluation(Build.assessment(["staff_ai_tools": .choice("ad_hoc")], processes: [small]), questionnaire: q)
        #expect(e.plan.nextMove.useCase == nil)
        #expect(e.plan.nextMove.kind == .standardiseTools)
        #expect(e.allFlags.map(\.id).contains("roi_below_3x"))
    }

    @Test func lineWorkIsLockedBelowStageThreeAndUnlockedAtThree() throws {
        let line = Build.process("Predictive maintenance", hours: 80, volume: 1000, side: .line)
        let atTwo = try #require(score([line], stage: 2).first)
        #expect(atTwo.locked)
        #expect(say(atTwo.lockedReason)?.contains("Stage 3") == true)
        let atThree = try #require(score([line], stage: 3).first)
        #expect(!atThree.locked)
        #expect(atThree.lockedReason == nil)
    }

    @Test func rankingPutsEligibleFirstThenAutomatedThenUnderTheBarThenLocked() {
        let cases = score([
            Build.process("Locked line job", hours: 200, side: .line),
            Build.process("Tiny task", hours: 3),
            Build.process("Automated entry", hours: 60),
            Build.process("Big office job", hours: 50),
            Build.process("Smaller office job", hours: 35),
        ], agents: [Agent(name: "Entry agent", process: "automated entry", status: .production, owner: "Pat")])
        #expect(cases.map(\.name) == ["Big office job", "Smaller office job", "Automated entry", "Tiny task", "Locked line job"])
        #expect(cases.map(\.rank) == [1, 2, 3, 4, 5])
    }

    @Test func feasibilityAddsFactorPointsAndUnknownsScoreWorst() throws {
        let known = try #require(score([Build.process("Known")]).first)
        // erp 20 + api 20 + semi 10 + 10% exceptions 12 + no severe errors 15 + owner 10 + office 5
        #expect(known.feasibility == 92)
        let unknown = InventoryProcess(name: "Unknown", side: .office, hoursPerWeek: 30)
        let u = try #require(score([unknown]).first)
        // only the office side scores: 5 (+4 for unstructured input as the worst case) of 100
        #expect(u.feasibility == 9)
        #expect(say(u.factors.first { $0.id == "system_of_record" }?.answer) == "unknown")
    }

    @Test(arguments: [
        (hours: 30.0, owner: "Sam" as String?, quadrant: Quadrant.quickWin),
        (hours: 30.0, owner: nil, quadrant: Quadrant.quickWin),
        (hours: 10.0, owner: "Sam", quadrant: Quadrant.fillIn),
    ])
    func quadrantsSplitOnValueAndFeasibility(hours: Double, owner: String?, quadrant: Quadrant) throws {
        let u = try #require(score([Build.process("P", hours: hours, owner: owner)]).first)
        #expect(u.quadrant == quadrant)
    }

    @Test func hardProcessesLandInBigBetOrNotNow() throws {
        var hard = Build.process("Hard", hours: 60)
        hard.systemOfRecord = "paper"
        hard.writeBack = "none"
        hard.inputStructure = "unstructured"
        #expect(try #require(score([hard]).first).quadrant == .bigBet)
        hard.hoursPerWeek = 5
        #expect(try #require(score([hard]).first).quadrant == .notNow)
    }
}

extension Assessment {
    func with(agents: [Agent]) -> Assessment {
        var copy = self
        copy.agents = agents
        return copy
    }
}
