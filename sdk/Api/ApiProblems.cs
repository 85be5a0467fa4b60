using Microsoft.AspNetCore.Http;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Crm.Sdk.Api;

/// <summary>Problem+json answers with the same shape in every module.</summary>
public static class ApiProblems
{
    /// <summary>400 with the field that is wrong and why.</summary>
    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>400 with several fields.</summary>
    public static ValidationProblem Fields(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors);

    /// <summary>409 when the record changed since the caller read it.</summary>
    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "The record was changed by someone else");

    /// <summary>The answer to a save that did not succeed: 404 when the record is missing or out of scope, 409 on a conflict, else 400 with the fields in the user's language.</summary>
    public static IResult Failed(SaveResult result, IStringLocalizer text) =>
        result.NotFound ? TypedResults.NotFound()
        : result.Conflict ? Conflict(text["Validation.Conflict"])
        : Fields(result.Errors.Localized(text));
}
