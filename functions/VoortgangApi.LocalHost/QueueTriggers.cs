using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using VoortgangApi.LocalHost.Rpc;

namespace VoortgangApi.LocalHost;

/// <summary>
/// Queue triggers as the Azure host's storage extension runs them (QueueListener, QueueProcessor): poll a batch
/// (batchSize) that stays invisible while its functions run (10 minutes, renewed halfway), fetch the next batch when
/// fewer than newBatchThreshold are running, back off from 100 ms to maxPollingInterval while the queue is empty.
/// Success deletes the message; a failure (the function threw, or the worker went away) makes it visible again after
/// visibilityTimeout, and once its dequeue count reached maxDequeueCount it is copied to <c>{queue}-poison</c> and deleted.
/// A message already dequeued more often than that (a worker that crashed on it every time) goes to the poison queue
/// without another run.
/// </summary>
internal sealed class QueueTriggers(Werker werker, FunctieApp app, Appinstellingen instellingen, TimeProvider tijd, ILogger<QueueTriggers> logger)
    : BackgroundService
{
    private const string StandaardVerbinding = "AzureWebJobsStorage";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var eerste = await werker.GereedAsync(Timeout.InfiniteTimeSpan, stoppingToken);
        await Task.WhenAll(eerste.Functies.Where(f => f.IsQueue).Select(f => LuisterAsync(f.Naam, f.Trigger, stoppingToken)));
    }

    private async Task LuisterAsync(string naam, Trigger trigger, CancellationToken ct)
    {
        var wachtrij = instellingen.Los(trigger.QueueName);
        var verbinding = instellingen.Lees(trigger.Connection ?? StandaardVerbinding);
        if (string.IsNullOrWhiteSpace(wachtrij) || string.IsNullOrWhiteSpace(verbinding))
        {
            logger.LogError("Wachtrijfunctie {Functie} luistert niet: {Wat} ontbreekt in de instellingen.", naam,
                string.IsNullOrWhiteSpace(wachtrij) ? $"de wachtrijnaam ({trigger.QueueName})" : $"de verbinding {trigger.Connection ?? StandaardVerbinding}");
            return;
        }

        var o = app.Wachtrijen;
        var clientOpties = new QueueClientOptions { MessageEncoding = o.Base64 ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None };
        var client = new QueueClient(verbinding, wachtrij, clientOpties);
        var poison = new QueueClient(verbinding, wachtrij + "-poison", clientOpties);
        var pauze = Wachtrijopties.MinPolling;
        var lopend = new List<Task>();
        logger.LogInformation("Wachtrijfunctie {Functie} luistert naar {Wachtrij}", naam, wachtrij);
        while (!ct.IsCancellationRequested)
        {
            lopend.RemoveAll(t => t.IsCompleted);
            if (lopend.Count > o.NewBatchThreshold)
            {
                await Task.WhenAny(lopend).WaitAsync(ct);
                continue;
            }

            QueueMessage[] berichten;
            try
            {
                berichten = (await client.ReceiveMessagesAsync(o.BatchSize, Wachtrijopties.Verwerkingstijd, ct)).Value;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                berichten = []; // the queue does not exist yet: as empty, the host does not create it
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && ex is RequestFailedException or IOException or HttpRequestException)
            {
                logger.LogWarning("Wachtrij {Wachtrij} niet te lezen: {Fout}", wachtrij, ex.Message);
                berichten = [];
            }

            if (berichten.Length == 0)
            {
                // Randomised exponential back-off, as the extension's polling strategy.
                await Task.Delay(pauze * (0.8 + (Random.Shared.NextDouble() * 0.4)), tijd, ct);
                pauze = TimeSpan.FromTicks(Math.Min(pauze.Ticks * 2, o.Polling.Ticks));
                continue;
            }

            pauze = Wachtrijopties.MinPolling;
            lopend.AddRange(berichten.Select(b => VerwerkAsync(naam, trigger, client, poison, b, o, ct)));
        }
    }

    private async Task VerwerkAsync(string naam, Trigger trigger, QueueClient client, QueueClient poison, QueueMessage bericht, Wachtrijopties o, CancellationToken ct)
    {
        var ontvangst = new Ontvangst(bericht.PopReceipt);
        try
        {
            if (bericht.DequeueCount > o.MaxDequeueCount)
            {
                await NaarPoisonAsync(client, poison, bericht, ontvangst, naam, ct);
                return;
            }

            using var vernieuwen = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var vernieuwer = VernieuwAsync(client, bericht, ontvangst, vernieuwen.Token);
            bool gelukt;
            try
            {
                gelukt = await RoepAanAsync(naam, trigger, bericht, ct);
            }
            finally
            {
                await vernieuwen.CancelAsync();
                await vernieuwer;
            }

            if (gelukt)
            {
                await client.DeleteMessageAsync(bericht.MessageId, ontvangst.Waarde, ct);
            }
            else if (bericht.DequeueCount >= o.MaxDequeueCount)
            {
                await NaarPoisonAsync(client, poison, bericht, ontvangst, naam, ct);
            }
            else
            {
                await client.UpdateMessageAsync(bericht.MessageId, ontvangst.Waarde, visibilityTimeout: o.VisibilityTimeout, cancellationToken: ct);
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is RequestFailedException or IOException or HttpRequestException)
        {
            // The message stays invisible until its processing time ends, then it comes back: nothing is lost.
            logger.LogWarning("Wachtrijbericht {Id} van {Functie} niet afgehandeld: {Fout}", bericht.MessageId, naam, ex.Message);
        }
    }

    private async Task<bool> RoepAanAsync(string naam, Trigger trigger, QueueMessage bericht, CancellationToken ct)
    {
        try
        {
            var verbinding = await werker.GereedAsync(TimeSpan.FromSeconds(60), ct);
            var functie = verbinding.Functies.Single(f => f.Naam == naam);
            var tekst = bericht.MessageText;
            var aanroep = new InvocationRequest
            {
                InvocationId = Guid.NewGuid().ToString(),
                FunctionId = functie.Id,
                InputData = { new ParameterBinding { Name = trigger.Name, Data = new TypedData { String = tekst } } },
                // The binding data the extension gives a queue trigger (QueueTriggerBindingDataProvider).
                TriggerMetadata =
                {
                    ["QueueTrigger"] = new TypedData { String = tekst },
                    ["Id"] = new TypedData { String = bericht.MessageId },
                    ["PopReceipt"] = new TypedData { String = bericht.PopReceipt },
                    ["DequeueCount"] = new TypedData { Json = bericht.DequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    ["InsertionTime"] = new TypedData { Json = $"\"{bericht.InsertedOn:O}\"" },
                    ["ExpirationTime"] = new TypedData { Json = $"\"{bericht.ExpiresOn:O}\"" },
                    ["NextVisibleTime"] = new TypedData { Json = $"\"{bericht.NextVisibleOn:O}\"" },
                },
            };
            var antwoord = await verbinding.RoepAanAsync(aanroep, Wachtrijopties.Verwerkingstijd, ct);
            if (antwoord.Result.Status == StatusResult.Types.Status.Success)
            {
                return true;
            }

            logger.LogWarning("Wachtrijfunctie {Functie} mislukte (poging {Poging}): {Fout}", naam, bericht.DequeueCount, antwoord.Result.Exception?.Message);
            return false;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is IOException or TimeoutException)
        {
            logger.LogWarning("Wachtrijfunctie {Functie} niet uitgevoerd (poging {Poging}): {Fout}", naam, bericht.DequeueCount, ex.Message);
            return false;
        }
    }

    // Keeps the message invisible while its function runs longer than half the processing time.
    private static async Task VernieuwAsync(QueueClient client, QueueMessage bericht, Ontvangst ontvangst, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Wachtrijopties.Verwerkingstijd / 2, ct);
                var r = await client.UpdateMessageAsync(bericht.MessageId, ontvangst.Waarde, visibilityTimeout: Wachtrijopties.Verwerkingstijd, cancellationToken: ct);
                ontvangst.Waarde = r.Value.PopReceipt;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or RequestFailedException)
        {
            // done, or the message is gone; the outcome is settled by the caller
        }
    }

    private async Task NaarPoisonAsync(QueueClient client, QueueClient poison, QueueMessage bericht, Ontvangst ontvangst, string naam, CancellationToken ct)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: ct);
        await poison.SendMessageAsync(bericht.MessageText, cancellationToken: ct);
        await client.DeleteMessageAsync(bericht.MessageId, ontvangst.Waarde, ct);
        logger.LogError("Wachtrijbericht {Id} van {Functie} naar {Poison} na {Aantal} pogingen", bericht.MessageId, naam, poison.Name, bericht.DequeueCount);
    }

    private sealed class Ontvangst(string waarde)
    {
        public string Waarde { get; set; } = waarde;
    }
}
