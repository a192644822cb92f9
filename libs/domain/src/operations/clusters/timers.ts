import type { TimerHandlers } from '../clock';
import { findCluster, putCluster } from './cluster-state';
import { removeCluster } from './delete-cluster';

/**
 * What the clusters slice does when its timers come due: `cluster-transition` to IDLE ends
 * CREATING or UPDATING (a cluster that has since gone, or is being deleted, is left alone);
 * to DELETED removes the cluster (removeCluster).
 */
export const clusterTimerHandlers: TimerHandlers = {
  'cluster-transition': (state, timer) => {
    if (timer.to === 'DELETED') return removeCluster(state, timer.groupId, timer.clusterName, timer.retainBackups ?? false);
    const project = state.projects[timer.groupId];
    const cluster = project && findCluster(project, timer.clusterName);
    if (!cluster || (cluster.stateName !== 'CREATING' && cluster.stateName !== 'UPDATING')) return state;
    return putCluster(state, timer.groupId, { ...cluster, stateName: 'IDLE' });
  },
};
