using System.Reflection;
using Rapport.Data;

namespace Rapport.Tests;

/// <summary>
/// Feature folders stay apart: a feature may use Shared and Data, and only the features named here.
/// Checked on every member signature of the business library, so a new dependency shows up as a failing rule.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Dictionary<string, string[]> Forbidden = new()
    {
        ["Rapport.Shared"] = ["Rapport.People", "Rapport.Settings", "Rapport.Identity", "Rapport.Audit", "Rapport.Data", "Rapport.ClientBase", "Rapport.Deals"],
        ["Rapport.People"] = ["Rapport.Settings", "Rapport.Identity", "Rapport.Audit", "Rapport.ClientBase", "Rapport.Deals"],
        ["Rapport.Settings"] = ["Rapport.People", "Rapport.Identity", "Rapport.Audit", "Rapport.ClientBase", "Rapport.Deals"],
        ["Rapport.Audit"] = ["Rapport.People", "Rapport.Settings", "Rapport.ClientBase", "Rapport.Deals"],
        // The client base knows nothing of deals: a merge moves them through IMergeParticipant, which Deals implements.
        ["Rapport.ClientBase"] = ["Rapport.Settings", "Rapport.Identity", "Rapport.Audit", "Rapport.Deals"],
        ["Rapport.ClientBase.Import"] = ["Rapport.Settings", "Rapport.Identity", "Rapport.Audit"],
        ["Rapport.ClientBase.Demo"] = ["Rapport.Settings", "Rapport.Identity", "Rapport.Audit"],
        // Deals stand on the client base (accounts, contacts, relationships), people and settings (rates), never on identity or audit internals.
        ["Rapport.Deals"] = ["Rapport.Identity", "Rapport.Audit"],
        // The deals demo writes what the commands would, through the bulk writer; it reads the demo company, not identity.
        ["Rapport.Deals.Demo"] = ["Rapport.Identity", "Rapport.Audit"],
        ["Rapport.Service"] = ["Rapport.Settings", "Rapport.Identity", "Rapport.Audit"],
        // Pay reads deals, people, settings and the working calendar; its engine is pure and knows only Shared.
        ["Rapport.Pay"] = ["Rapport.Identity", "Rapport.Audit", "Rapport.ClientBase"],
        ["Rapport.Pay.Engine"] = ["Rapport.People", "Rapport.Settings", "Rapport.Identity", "Rapport.Audit", "Rapport.Data", "Rapport.ClientBase",
            "Rapport.Deals", "Rapport.Service", "Rapport.Pay.Demo"],
        // Staffing reads people, the client base, deals and pay (plans, the pay engine for offers); never identity or audit internals.
        ["Rapport.Staffing"] = ["Rapport.Identity", "Rapport.Audit"],
        ["Rapport.Staffing.Demo"] = ["Rapport.Identity", "Rapport.Audit"],
        // Staffing's engine is pure like pay's: it scores evidence handed to it and knows only Shared and its own texts.
        ["Rapport.Staffing.Engine"] = ["Rapport.People", "Rapport.Settings", "Rapport.Identity", "Rapport.Audit", "Rapport.Data", "Rapport.ClientBase",
            "Rapport.Deals", "Rapport.Service", "Rapport.Pay"],
    };

    [Fact]
    public void Features_depend_only_on_what_they_are_allowed_to()
    {
        var violations = new List<string>();
        foreach (var type in typeof(RapportDb).Assembly.GetTypes().Where(t => t.Namespace is not null))
        {
            if (!Forbidden.TryGetValue(type.Namespace!, out var forbidden))
            {
                continue;
            }

            foreach (var used in UsedTypes(type).SelectMany(Unwrap).Where(u => u.Namespace is not null))
            {
                if (forbidden.Any(f => used.Namespace!.StartsWith(f, StringComparison.Ordinal)))
                {
                    violations.Add($"{type.FullName} uses {used.FullName}");
                }
            }
        }

        Assert.Empty(violations.Distinct());
    }

    /// <summary>A forbidden list cannot name the staffing folders still to come (candidates, pipeline), so the engine's rule is an allowed list.</summary>
    [Fact]
    public void The_staffing_engine_uses_only_shared_and_its_own_texts()
    {
        var engine = typeof(RapportDb).Assembly.GetTypes().Where(t => t.Namespace == "Rapport.Staffing.Engine").ToList();
        var used = engine.SelectMany(UsedTypes).SelectMany(Unwrap)
            .Where(u => u.Namespace?.StartsWith("Rapport", StringComparison.Ordinal) == true)
            .Where(u => u.Namespace is not ("Rapport.Shared" or "Rapport.Staffing.Engine") && u.FullName != "Rapport.Staffing.StaffingTexts")
            .Select(u => u.FullName).Distinct();

        Assert.NotEmpty(engine);
        Assert.Empty(used);
    }

    [Fact]
    public void The_business_library_knows_nothing_of_its_hosts()
    {
        var references = typeof(RapportDb).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain("Rapport.Web", references);
        Assert.DoesNotContain("Rapport.Cli", references);
        Assert.DoesNotContain("Microsoft.AspNetCore.Components", references);
    }

    /// <summary>A type with the types inside it: generic arguments, array elements, by-ref targets.</summary>
    private static IEnumerable<Type> Unwrap(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Unwrap(type.GetElementType()!))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Unwrap))
            {
                yield return inner;
            }
        }
    }

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var field in type.GetFields(all))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(all))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }
        }
    }
}
