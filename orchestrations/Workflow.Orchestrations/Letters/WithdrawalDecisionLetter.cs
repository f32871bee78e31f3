using System.Globalization;
using System.Text;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Register;

namespace Workflow.Orchestrations.Letters;

/// <summary>
/// The decision withdrawing a work authorisation (§2.1), in Dutch with an English translation, for the employer and the
/// worker: the ground with its description and section, the day the withdrawal takes effect, that the federal office is
/// told, the exclusion proposed, and the appeal.
/// </summary>
public static class WithdrawalDecisionLetter
{
    public static string Compose(ApplicationDossier dossier, Authorisation authorisation, string withdrawalId, string groundCode, DateOnly decidedOn, int exclusionMonths)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(authorisation);
        var text = new StringBuilder();
        text.AppendLine("Vlaamse overheid - Departement Werk en Sociale Economie - Economische Migratie");
        text.AppendLine("BESLISSING - intrekking van een toelating tot arbeid");
        text.AppendLine();
        WithdrawalWording.Heading(text, dutch: true, withdrawalId, decidedOn, dossier, authorisation);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Nadat de werkgever de gelegenheid kreeg gehoord te worden, wordt de toelating tot arbeid ingetrokken vanaf {WithdrawalWording.Day(decidedOn)}, op de volgende grond:");
        text.AppendLine(WithdrawalWording.DutchGround(groundCode));
        text.AppendLine();
        text.AppendLine("Vanaf die datum mag de werknemer niet meer op grond van deze toelating worden tewerkgesteld. De federale Dienst Vreemdelingenzaken is op de hoogte gebracht.");
        text.AppendLine(CultureInfo.InvariantCulture, $"De werkgever en zijn huidige bestuurders worden voorgesteld voor uitsluiting van de aanvraagprocedure gedurende {exclusionMonths} maanden (§2.1); de uitsluiting geldt zodra een tweede persoon ze bevestigt.");
        text.AppendLine("U kunt tegen deze beslissing beroep instellen binnen de termijn en op de wijze die de toepasselijke regelgeving bepaalt.");
        text.AppendLine();
        text.AppendLine(WithdrawalWording.EnglishDivider);
        text.AppendLine("Flemish Government - Department of Work and Social Economy - Economic Migration");
        text.AppendLine("DECISION - withdrawal of a work authorisation");
        text.AppendLine();
        WithdrawalWording.Heading(text, dutch: false, withdrawalId, decidedOn, dossier, authorisation);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"After the employer was given the opportunity to be heard, the work authorisation is withdrawn from {WithdrawalWording.Day(decidedOn)}, on the following ground:");
        text.AppendLine(WithdrawalWording.EnglishGround(groundCode));
        text.AppendLine();
        text.AppendLine("From that date the worker may no longer be employed under this authorisation. The federal immigration office has been informed.");
        text.AppendLine(CultureInfo.InvariantCulture, $"The employer and its current directors are proposed for exclusion from the application procedure for {exclusionMonths} months (§2.1); the exclusion applies once a second person confirms it.");
        text.AppendLine("You can appeal against this decision within the period and in the manner stated in the applicable regulations.");
        return text.ToString();
    }
}
