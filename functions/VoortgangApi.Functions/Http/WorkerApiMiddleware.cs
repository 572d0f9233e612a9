using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace VoortgangApi.Functions.Http;

/// <summary>Adapter that runs <see cref="ApiMiddleware"/> inside the Azure Functions worker.</summary>
internal sealed class WorkerApiMiddleware(ILogger<WorkerApiMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext();
        return http is null ? next(context) : ApiMiddleware.InvokeAsync(http, () => next(context), logger);
    }
}
