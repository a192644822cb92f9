// generated — do not edit. Regenerate with `npx tsx tools/spec-build/extract-versions.ts`;
// versions.generated.spec.ts fails when this file and the spec disagree.
// Source: ../shared/atlas-openapi/atlas-admin-v2.multiversion.subset.json
// Cut from: mongodb/terraform-provider-mongodbatlas @ 468253dbf681e3de490d5c8c1fced537a66e2ae9 (x-xgen-sha 0acdb96281f509d1d877390dc987be942b54ed52)
import type { OperationVersions } from './operation-versions';

/** Every operation the mock serves: media-type versions, sunset and deprecation dates, required roles. */
export const OPERATION_VERSIONS = {
  "GET /groups/{groupId}": {
    "method": "GET",
    "path": "/api/atlas/v2/groups/{groupId}",
    "operationId": "getGroup",
    "successStatus": 200,
    "roles": [
      "Project Read Only"
    ],
    "roleIds": [
      "GROUP_READ_ONLY"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "Group"
      }
    ],
    "source": "spec"
  },
  "PATCH /groups/{groupId}": {
    "method": "PATCH",
    "path": "/api/atlas/v2/groups/{groupId}",
    "operationId": "updateGroup",
    "successStatus": 200,
    "roles": [
      "Project Owner"
    ],
    "roleIds": [
      "GROUP_OWNER"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "Group",
        "requestSchema": "GroupUpdate"
      }
    ],
    "source": "spec"
  },
  "DELETE /groups/{groupId}": {
    "method": "DELETE",
    "path": "/api/atlas/v2/groups/{groupId}",
    "operationId": "deleteGroup",
    "successStatus": 204,
    "roles": [
      "Project Owner"
    ],
    "roleIds": [
      "GROUP_OWNER"
    ],
    "versions": [
      {
        "date": "2023-01-01"
      }
    ],
    "source": "spec"
  },
  "GET /groups/{groupId}/encryptionAtRest": {
    "method": "GET",
    "path": "/api/atlas/v2/groups/{groupId}/encryptionAtRest",
    "operationId": "getGroupEncryptionAtRest",
    "sdkOperationId": "getEncryptionAtRest",
    "successStatus": 200,
    "roles": [
      "Project Read Only"
    ],
    "roleIds": [
      "GROUP_READ_ONLY"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "EncryptionAtRest"
      }
    ],
    "source": "spec"
  },
  "PATCH /groups/{groupId}/encryptionAtRest": {
    "method": "PATCH",
    "path": "/api/atlas/v2/groups/{groupId}/encryptionAtRest",
    "operationId": "updateGroupEncryptionAtRest",
    "sdkOperationId": "updateEncryptionAtRest",
    "successStatus": 200,
    "roles": [
      "Project Owner"
    ],
    "roleIds": [
      "GROUP_OWNER"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "EncryptionAtRest",
        "requestSchema": "EncryptionAtRest"
      }
    ],
    "source": "spec"
  },
  "GET /groups/{groupId}/clusters": {
    "method": "GET",
    "path": "/api/atlas/v2/groups/{groupId}/clusters",
    "operationId": "listGroupClusters",
    "sdkOperationId": "listClusters",
    "successStatus": 200,
    "roles": [
      "Project Read Only"
    ],
    "roleIds": [
      "GROUP_READ_ONLY"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "PaginatedLegacyClusterView",
        "sunset": "2027-07-01",
        "deprecation": "2023-02-01"
      },
      {
        "date": "2023-02-01",
        "responseSchema": "PaginatedAdvancedClusterDescriptionView",
        "sunset": "2027-07-01",
        "deprecation": "2024-08-05"
      },
      {
        "date": "2024-08-05",
        "responseSchema": "PaginatedClusterDescription20240805"
      }
    ],
    "source": "spec"
  },
  "POST /groups/{groupId}/clusters": {
    "method": "POST",
    "path": "/api/atlas/v2/groups/{groupId}/clusters",
    "operationId": "createGroupCluster",
    "sdkOperationId": "createCluster",
    "successStatus": 201,
    "roles": [
      "Project Cluster Creator"
    ],
    "roleIds": [
      "GROUP_CLUSTER_CREATOR"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "LegacyAtlasCluster",
        "requestSchema": "LegacyAtlasCluster",
        "sunset": "2027-07-01",
        "deprecation": "2023-02-01"
      },
      {
        "date": "2023-02-01",
        "responseSchema": "AdvancedClusterDescription",
        "requestSchema": "AdvancedClusterDescription",
        "sunset": "2027-07-01",
        "deprecation": "2024-08-05"
      },
      {
        "date": "2024-08-05",
        "responseSchema": "ClusterDescription20240805",
        "requestSchema": "ClusterDescription20240805",
        "sunset": "2027-03-01",
        "deprecation": "2024-10-23"
      },
      {
        "date": "2024-10-23",
        "responseSchema": "ClusterDescription20240805",
        "requestSchema": "ClusterDescription20240805"
      }
    ],
    "source": "spec"
  },
  "GET /groups/{groupId}/clusters/{clusterName}": {
    "method": "GET",
    "path": "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}",
    "operationId": "getGroupCluster",
    "sdkOperationId": "getCluster",
    "successStatus": 200,
    "roles": [
      "Project Read Only"
    ],
    "roleIds": [
      "GROUP_READ_ONLY"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "LegacyAtlasCluster",
        "sunset": "2027-07-01",
        "deprecation": "2023-02-01"
      },
      {
        "date": "2023-02-01",
        "responseSchema": "AdvancedClusterDescription",
        "sunset": "2027-07-01",
        "deprecation": "2024-08-05"
      },
      {
        "date": "2024-08-05",
        "responseSchema": "ClusterDescription20240805"
      }
    ],
    "source": "spec"
  },
  "PATCH /groups/{groupId}/clusters/{clusterName}": {
    "method": "PATCH",
    "path": "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}",
    "operationId": "updateGroupCluster",
    "sdkOperationId": "updateCluster",
    "successStatus": 200,
    "roles": [
      "Project Cluster Manager",
      "Project Cluster Resilience Tester",
      "Project Replica Set Manager"
    ],
    "roleIds": [
      "GROUP_CLUSTER_MANAGER",
      "GROUP_CLUSTER_RESILIENCE_TESTER",
      "GROUP_REPLICA_SET_MANAGER"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "LegacyAtlasCluster",
        "requestSchema": "LegacyAtlasCluster",
        "sunset": "2027-07-01",
        "deprecation": "2023-02-01"
      },
      {
        "date": "2023-02-01",
        "responseSchema": "AdvancedClusterDescription",
        "requestSchema": "AdvancedClusterDescription",
        "sunset": "2027-07-01",
        "deprecation": "2024-08-05"
      },
      {
        "date": "2024-08-05",
        "responseSchema": "ClusterDescription20240805",
        "requestSchema": "ClusterDescription20240805",
        "sunset": "2027-03-01",
        "deprecation": "2024-10-23"
      },
      {
        "date": "2024-10-23",
        "responseSchema": "ClusterDescription20240805",
        "requestSchema": "ClusterDescription20240805"
      }
    ],
    "source": "spec"
  },
  "DELETE /groups/{groupId}/clusters/{clusterName}": {
    "method": "DELETE",
    "path": "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}",
    "operationId": "deleteGroupCluster",
    "sdkOperationId": "deleteCluster",
    "successStatus": 202,
    "roles": [
      "Project Owner"
    ],
    "roleIds": [
      "GROUP_OWNER"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "sunset": "2027-07-01",
        "deprecation": "2023-02-01"
      },
      {
        "date": "2023-02-01"
      }
    ],
    "source": "spec"
  },
  "GET /groups/{groupId}/clusters/{clusterName}/backup/snapshots": {
    "method": "GET",
    "path": "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/snapshots",
    "operationId": "listGroupClusterBackupSnapshots",
    "sdkOperationId": "listBackupSnapshots",
    "successStatus": 200,
    "roles": [
      "Project Read Only"
    ],
    "roleIds": [
      "GROUP_READ_ONLY"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "PaginatedCloudBackupReplicaSetView"
      }
    ],
    "source": "spec"
  },
  "POST /groups/{groupId}/clusters/{clusterName}/backup/snapshots": {
    "method": "POST",
    "path": "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/snapshots",
    "operationId": "takeGroupClusterBackupSnapshots",
    "sdkOperationId": "takeSnapshots",
    "successStatus": 200,
    "roles": [
      "Project Backup Creator"
    ],
    "roleIds": [
      "GROUP_BACKUP_CREATOR"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "DiskBackupSnapshot",
        "requestSchema": "DiskBackupOnDemandSnapshotRequest"
      }
    ],
    "source": "spec"
  },
  "GET /groups/{groupId}/clusters/{clusterName}/backup/snapshots/{snapshotId}": {
    "method": "GET",
    "path": "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/snapshots/{snapshotId}",
    "operationId": "getGroupClusterBackupSnapshot",
    "sdkOperationId": "getClusterBackupSnapshot",
    "successStatus": 200,
    "roles": [
      "Project Read Only"
    ],
    "roleIds": [
      "GROUP_READ_ONLY"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "DiskBackupReplicaSet"
      }
    ],
    "source": "spec"
  },
  "PATCH /groups/{groupId}/clusters/{clusterName}/backup/snapshots/{snapshotId}": {
    "method": "PATCH",
    "path": "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/snapshots/{snapshotId}",
    "operationId": "updateGroupClusterBackupSnapshot",
    "sdkOperationId": "updateBackupSnapshot",
    "successStatus": 200,
    "roles": [
      "Project Backup Manager"
    ],
    "roleIds": [
      "GROUP_BACKUP_MANAGER"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "DiskBackupReplicaSet",
        "requestSchema": "BackupSnapshotRetention"
      }
    ],
    "source": "spec"
  },
  "DELETE /groups/{groupId}/clusters/{clusterName}/backup/snapshots/{snapshotId}": {
    "method": "DELETE",
    "path": "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/snapshots/{snapshotId}",
    "operationId": "deleteGroupClusterBackupSnapshot",
    "sdkOperationId": "deleteClusterBackupSnapshot",
    "successStatus": 204,
    "roles": [
      "Project Backup Manager"
    ],
    "roleIds": [
      "GROUP_BACKUP_MANAGER"
    ],
    "versions": [
      {
        "date": "2023-01-01"
      }
    ],
    "source": "spec"
  },
  "GET /groups/{groupId}/clusters/{clusterName}/backup/restoreJobs": {
    "method": "GET",
    "path": "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/restoreJobs",
    "operationId": "listGroupClusterBackupRestoreJobs",
    "sdkOperationId": "listBackupRestoreJobs",
    "successStatus": 200,
    "roles": [
      "Project Backup Manager"
    ],
    "roleIds": [
      "GROUP_BACKUP_MANAGER"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "PaginatedCloudBackupRestoreJobView"
      }
    ],
    "source": "spec"
  },
  "POST /groups/{groupId}/clusters/{clusterName}/backup/restoreJobs": {
    "method": "POST",
    "path": "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/restoreJobs",
    "operationId": "createGroupClusterBackupRestoreJob",
    "sdkOperationId": "createBackupRestoreJob",
    "successStatus": 200,
    "roles": [
      "Project Backup Export Operator",
      "Project Backup Recovery Operator"
    ],
    "roleIds": [
      "GROUP_BACKUP_EXPORT_OPERATOR",
      "GROUP_BACKUP_RECOVERY_OPERATOR"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "DiskBackupSnapshotRestoreJob",
        "requestSchema": "DiskBackupSnapshotRestoreJob"
      }
    ],
    "source": "spec"
  },
  "GET /groups/{groupId}/clusters/{clusterName}/backup/restoreJobs/{restoreJobId}": {
    "method": "GET",
    "path": "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/restoreJobs/{restoreJobId}",
    "operationId": "getGroupClusterBackupRestoreJob",
    "sdkOperationId": "getBackupRestoreJob",
    "successStatus": 200,
    "roles": [
      "Project Backup Manager"
    ],
    "roleIds": [
      "GROUP_BACKUP_MANAGER"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "DiskBackupSnapshotRestoreJob"
      }
    ],
    "source": "spec"
  },
  "DELETE /groups/{groupId}/clusters/{clusterName}/backup/restoreJobs/{restoreJobId}": {
    "method": "DELETE",
    "path": "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/restoreJobs/{restoreJobId}",
    "operationId": "cancelGroupClusterBackupRestoreJob",
    "sdkOperationId": "cancelBackupRestoreJob",
    "successStatus": 204,
    "roles": [
      "Project Backup Export Operator",
      "Project Backup Recovery Operator"
    ],
    "roleIds": [
      "GROUP_BACKUP_EXPORT_OPERATOR",
      "GROUP_BACKUP_RECOVERY_OPERATOR"
    ],
    "versions": [
      {
        "date": "2023-01-01"
      }
    ],
    "source": "spec"
  },
  "GET /groups/{groupId}/clusters/{clusterName}/backup/schedule": {
    "method": "GET",
    "path": "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/schedule",
    "operationId": "getGroupClusterBackupSchedule",
    "sdkOperationId": "getBackupSchedule",
    "successStatus": 200,
    "roles": [
      "Project Read Only"
    ],
    "roleIds": [
      "GROUP_READ_ONLY"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "DiskBackupSnapshotSchedule",
        "sunset": "2027-07-01",
        "deprecation": "2024-08-05"
      },
      {
        "date": "2024-08-05",
        "responseSchema": "DiskBackupSnapshotSchedule20240805"
      }
    ],
    "source": "spec"
  },
  "PATCH /groups/{groupId}/clusters/{clusterName}/backup/schedule": {
    "method": "PATCH",
    "path": "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/schedule",
    "operationId": "updateGroupClusterBackupSchedule",
    "sdkOperationId": "updateBackupSchedule",
    "successStatus": 200,
    "roles": [
      "Project Backup Manager"
    ],
    "roleIds": [
      "GROUP_BACKUP_MANAGER"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "DiskBackupSnapshotSchedule",
        "requestSchema": "DiskBackupSnapshotSchedule",
        "sunset": "2027-07-01",
        "deprecation": "2024-08-05"
      },
      {
        "date": "2024-08-05",
        "responseSchema": "DiskBackupSnapshotSchedule20240805",
        "requestSchema": "DiskBackupSnapshotSchedule20240805"
      }
    ],
    "source": "spec"
  },
  "DELETE /groups/{groupId}/clusters/{clusterName}/backup/schedule": {
    "method": "DELETE",
    "path": "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/schedule",
    "operationId": "deleteGroupClusterBackupSchedule",
    "sdkOperationId": "deleteClusterBackupSchedule",
    "successStatus": 200,
    "roles": [
      "Project Backup Manager"
    ],
    "roleIds": [
      "GROUP_BACKUP_MANAGER"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "DiskBackupSnapshotSchedule",
        "sunset": "2027-07-01",
        "deprecation": "2024-08-05"
      },
      {
        "date": "2024-08-05",
        "responseSchema": "DiskBackupSnapshotSchedule20240805"
      }
    ],
    "source": "spec"
  },
  "GET /groups/{groupId}/alertConfigs": {
    "method": "GET",
    "path": "/api/atlas/v2/groups/{groupId}/alertConfigs",
    "operationId": "listGroupAlertConfigs",
    "sdkOperationId": "listAlertConfigs",
    "successStatus": 200,
    "roles": [
      "Project Read Only"
    ],
    "roleIds": [
      "GROUP_READ_ONLY"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "PaginatedAlertConfigView"
      }
    ],
    "source": "spec"
  },
  "POST /groups/{groupId}/alertConfigs": {
    "method": "POST",
    "path": "/api/atlas/v2/groups/{groupId}/alertConfigs",
    "operationId": "createGroupAlertConfig",
    "sdkOperationId": "createAlertConfig",
    "successStatus": 200,
    "roles": [
      "Project Alerts Manager"
    ],
    "roleIds": [
      "GROUP_ALERTS_MANAGER"
    ],
    "versions": [
      {
        "date": "2023-01-01",
        "responseSchema": "GroupAlertsConfig",
        "requestSchema": "GroupAlertsConfig"
      }
    ],
    "source": "spec"
  },
  "GET /groups": {
    "method": "GET",
    "path": "/api/atlas/v2/groups",
    "operationId": "listGroups",
    "successStatus": 200,
    "roles": [
      "Organization Read Only"
    ],
    "roleIds": [
      "ORG_READ_ONLY"
    ],
    "versions": [
      {
        "date": "2023-01-01"
      }
    ],
    "source": "docs"
  }
} as const satisfies Record<string, OperationVersions>;

/** An operation: method and path relative to `/api/atlas/v2`, e.g. `GET /groups/{groupId}/clusters`. */
export type OperationKey = keyof typeof OPERATION_VERSIONS;
