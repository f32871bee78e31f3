namespace Workflow.Orchestrations.Domain;

/// <summary>The categories of work authorisation an application can be filed under (docs/design.md#categories).</summary>
public enum PermitCategory
{
    /// <summary>Highly skilled worker (§2.2): the fast lane.</summary>
    HighlySkilled,

    /// <summary>Medium-skilled worker in a shortage occupation on the migration list (§2.3).</summary>
    MediumSkilledShortage,

    /// <summary>The category "overige" (§2.3): labour-market test required.</summary>
    Other,

    /// <summary>Seasonal work: handled as <see cref="Other"/> with the VKS 2 exclusion lifted (interpretation).</summary>
    Seasonal,

    /// <summary>Minister of a recognised religion (§2.7).</summary>
    MinisterOfReligion,

    /// <summary>Work card up to 90 days (§2.5): not a single permit, no fee.</summary>
    WorkCard,

    /// <summary>Professional card for a self-employed person (§2.5): no federal leg here, same fee as the single permit.</summary>
    ProfessionalCard,
}

/// <summary>What the category implies for the shape of the workflow (docs/design.md#categories).</summary>
public static class PermitCategoryRules
{
    /// <summary>Single-permit categories go to the federal immigration office (DVZ) in parallel.</summary>
    public static bool HasFederalLeg(this PermitCategory category) =>
        category is not (PermitCategory.WorkCard or PermitCategory.ProfessionalCard);

    /// <summary>The professional card is asked by the self-employed person, every other category by an employer.</summary>
    public static bool IsFiledBySelfEmployed(this PermitCategory category) => category == PermitCategory.ProfessionalCard;

    /// <summary>The SLA track the category runs on.</summary>
    public static SlaTrack Track(this PermitCategory category) =>
        category == PermitCategory.HighlySkilled ? SlaTrack.FastLane : SlaTrack.Standard;
}
