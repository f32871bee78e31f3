using Workflow.Orchestrations.Domain.Identifiers;

namespace Workflow.Application.Inspections;

/// <summary>What an inspector searches by: an employer's KBO number, or a director's INSZ or BIS number (both canonical, checked).</summary>
public sealed record InspectionSearch(string? EmployerKbo, string? DirectorPersonNumber)
{
    /// <summary>The search the query asks for, or the problem with it: exactly one of the two, with a valid check digit.</summary>
    public static (InspectionSearch? Search, string? Problem) Parse(string? employer, string? director, bool directorAllowed)
    {
        if (employer is not null && director is not null)
        {
            return (null, "Search by employer or by director, not both.");
        }

        if (director is not null)
        {
            if (!directorAllowed)
            {
                return (null, "Applications are searched by employer only (employer=<KBO number>).");
            }

            return PersonNumber.Check(director).IsValid && PersonNumber.Normalize(director) is string number
                ? (new InspectionSearch(null, number), null)
                : (null, "director is not a valid INSZ or BIS number (11 digits with a valid check number).");
        }

        if (employer is not null)
        {
            return EnterpriseNumber.IsValid(employer, out string kbo)
                ? (new InspectionSearch(kbo, null), null)
                : (null, "employer is not a valid KBO enterprise number (10 digits starting with 0 or 1, with a valid check number).");
        }

        return (null, directorAllowed
            ? "Say whom to search: employer=<KBO number> or director=<INSZ or BIS number>."
            : "Say whose applications to list: employer=<KBO number>.");
    }
}
