package dev.mamori.risk;

/** SSVC inputs a person set for one finding; they override every other source. Null fields are not set. */
public record UserInputs(Ssvc.Exploitation exploitation, Ssvc.Automatable automatable, Ssvc.TechnicalImpact technicalImpact) {
    public static UserInputs none() {
        return new UserInputs(null, null, null);
    }
}
