using System.Globalization;
using System.Text;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Register;

namespace Workflow.Orchestrations.Letters;

/// <summary>
/// The invitation to be heard before a work authorisation is withdrawn (§2.1), in Dutch with an English translation:
/// the ground considered (its description and section, nothing of the inspection's evidence), the last day to answer,
/// and what a withdrawal would bring (the exclusion of the employer and its directors).
/// </summary>
public static class HearingInvitationLetter
{
    public static string Compose(ApplicationDossier dossier, Authorisation authorisation, string withdrawalId, string groundCode, DateOnly dated, DateOnly answerBy, int exclusionMonths)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(authorisation);
        var text = new StringBuilder();
        text.AppendLine("Vlaamse overheid - Departement Werk en Sociale Economie - Economische Migratie");
        text.AppendLine("UITNODIGING TOT VERHOOR - voorgenomen intrekking van een toelating tot arbeid");
        text.AppendLine();
        WithdrawalWording.Heading(text, dutch: true, withdrawalId, dated, dossier, authorisation);
        text.AppendLine();
        text.AppendLine("Wij overwegen deze toelating tot arbeid in te trekken. Bij een controle werden feiten vastgesteld die de volgende grond ondersteunen:");
        text.AppendLine(WithdrawalWording.DutchGround(groundCode));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Voor wij beslissen, hebt u het recht gehoord te worden. Bezorg ons uw standpunt en eventuele stukken uiterlijk op {WithdrawalWording.Day(answerBy)}, met vermelding van het kenmerk.");
        text.AppendLine("Na die datum beslissen wij op basis van het dossier zoals het dan is.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Wordt de toelating ingetrokken, dan worden de werkgever en zijn bestuurders ook voorgesteld voor uitsluiting van de aanvraagprocedure gedurende {exclusionMonths} maanden (§2.1).");
        text.AppendLine();
        text.AppendLine(WithdrawalWording.EnglishDivider);
        text.AppendLine("Flemish Government - Department of Work and Social Economy - Economic Migration");
        text.AppendLine("INVITATION TO A HEARING - intended withdrawal of a work authorisation");
        text.AppendLine();
        WithdrawalWording.Heading(text, dutch: false, withdrawalId, dated, dossier, authorisation);
        text.AppendLine();
        text.AppendLine("We are considering withdrawing this work authorisation. An inspection found facts that support the following ground:");
        text.AppendLine(WithdrawalWording.EnglishGround(groundCode));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Before we decide, you have the right to be heard. Send us your position and any documents by {WithdrawalWording.Day(answerBy)} at the latest, quoting the reference.");
        text.AppendLine("After that date we decide on the file as it then stands.");
        text.AppendLine(CultureInfo.InvariantCulture, $"If the authorisation is withdrawn, the employer and its directors will also be proposed for exclusion from the application procedure for {exclusionMonths} months (§2.1).");
        return text.ToString();
    }
}
