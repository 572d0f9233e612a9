// Storage for the app: tables (current data, cycles, snapshots), the deployment package, and the public open data.
param name string
param location string
param tags object

@description('Tables the app uses: exactly those of functions/VoortgangApi.Storage/TableKeys.cs (the log, cycles, snapshots).')
var tableNames = ['historie', 'cycli', 'momentopnamen']

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

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output tableEndpoint string = storage.properties.primaryEndpoints.table
output deploymentContainerName string = deploymentContainer.name
output openDataContainerName string = openDataContainer.name
