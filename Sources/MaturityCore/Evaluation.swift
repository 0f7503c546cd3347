/// The whole pipeline's result for one assessment: placement, scores and plan.
public struct Evaluation: Sendable, Equatable {
    public var assessment: Assessment
    public var questionnaire: Questionnaire
    public var placement: Placement
    public var useCases: [UseCase]
    public var plan: Plan

    /// Runs placement → scoring → plan. Pure: the same input always gives the same result.
    public init(_ assessment: Assessment, questionnaire: Questionnaire) {
        self.assessment = assessment
        self.questionnaire = questionnaire
        placement = Placement.place(assessment, questionnaire: questionnaire)
        useCases = Scoring.score(assessment, questionnaire: questionnaire, stage: placement.stage)
        plan = Planner.plan(assessment, questionnaire: questionnaire, placement: placement, useCases: useCases)
    }

    /// Company flags and plan flags together, in a stable order, each once.
    public var allFlags: [Flag] {
        var flags = placement.flags
        if plan.flags.contains(FlagID.lowVolumeForShadow.rawValue), let u = plan.nextMove.useCase,
           let useCase = useCases.first(where: { $0.name == u }) {
            let volume = useCase.volumePerWeek.map { "\(Format.number($0)) cases a week" } ?? "an unknown weekly volume"
            flags.append(Flag(id: FlagID.lowVolumeForShadow.rawValue, title: "Low volume for the shadow gate",
                              detail: "\(u) runs \(volume); the shadow gate needs \(questionnaire.parameters.shadowGate.minCases) real cases, so the shadow rung lasts \(plan.shadowWeeks ?? 0) weeks and the plan runs past \(questionnaire.parameters.planDays) days.",
                              subjects: [u]))
        }
        let below = useCases.filter { $0.flags.contains(FlagID.roiBelow3x.rawValue) && !$0.locked }.map(\.name)
        if !below.isEmpty {
            flags.append(Flag(id: FlagID.roiBelow3x.rawValue, title: "Under the \(Format.multiple(questionnaire.parameters.roiMinimum)) return bar",
                              detail: "These use cases return less than \(Format.multiple(questionnaire.parameters.roiMinimum)) their run cost and will not be the next move: \(below.joined(separator: ", ")).",
                              subjects: below))
        }
        return flags
    }
}
