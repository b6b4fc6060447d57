/**
 * Test helpers shared through the test-jar: fabric8's mock API server in CRUD mode ({@link
 * dev.optamigrate.kubernetes.testing.FakeCluster}) and a {@link dev.optamigrate.kubernetes.testing.FakeKubelet}
 * that plays the Job controller and the kubelet there: it creates the Job's pod, moves it through its phases,
 * serves its log and sets the Job's conditions, as a scenario says.
 */
package dev.optamigrate.kubernetes.testing;
