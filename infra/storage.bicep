// Storage for the app: tables (current data, cycles, snapshots), the deployment package, and the public open data.
param name string
param location string
param tags object

@description('Tables the app uses (functions/VoortgangApi.Storage/TableKeys.cs): the log, cycles, snapshots, programmes, webhook subscriptions.')
var tableNames = ['historie', 'cycli', 'momentopnamen', 'programmas', 'abonnementen']


resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    // Keyless: every client (the app, the Functions host, azd) authenticates with Entra ID.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Must be true at account level for *any* container to allow anonymous reads. Only the container
    // 'open-data' below opts in (publicAccess: 'Blob'); every other container stays private ('None').
    allowBlobPublicAccess: true
    allowCrossTenantReplication: false
    accessTier: 'Hot'
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: 'deploymentpackage'
  properties: { publicAccess: 'None' }
}

// The log's checkpoints per programme (issue 32): private; the app also creates it when it is missing.
resource checkpuntContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: 'checkpunten'
  properties: { publicAccess: 'None' }
}

// The published open data: anonymous read of blobs (not listing), the only public container.
resource openDataContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: 'open-data'
  properties: { publicAccess: 'Blob' }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tableNames: {
  parent: tableService
  name: table
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// Webhook deliveries (issue 35): one message per delivery, retried with growing pauses; given up after 24 hours into
// the poison queue. The app's identity uses them with Storage Queue Data Contributor (roles.bicep), never a key.
resource webhookQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: 'webhooks'
}

// Where the Functions host moves a message after its maximum dequeue count, and the app a delivery given up after 24 hours.
resource webhookPoisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: 'webhooks-poison'
}

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output tableEndpoint string = storage.properties.primaryEndpoints.table
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output webhookQueueName string = webhookQueue.name
output deploymentContainerName string = deploymentContainer.name
output openDataContainerName string = openDataContainer.name
