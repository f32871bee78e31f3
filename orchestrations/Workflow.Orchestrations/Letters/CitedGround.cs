using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Letters;

/// <summary>A ground a letter cites: its code, the section of the concept note, and its description in both languages.</summary>
public sealed record CitedGround(string Code, string Section, string DescriptionNl, string DescriptionEn)
{
    /// <summary>The ground of a code in the catalogue (<see cref="DecisionGrounds"/>); a letter cites no ground the catalogue lacks.</summary>
    public static CitedGround Of(string code)
    {
        DecisionGround ground = DecisionGrounds.Find(code)
            ?? throw new ArgumentException($"'{code}' is no ground of the catalogue; a letter cites only those.", nameof(code));
        return new CitedGround(ground.Code, ground.Section, ground.DescriptionNl, ground.Description);
    }

    public string Description(LetterLanguage language) => language == LetterLanguage.Dutch ? this.DescriptionNl : this.DescriptionEn;
}
