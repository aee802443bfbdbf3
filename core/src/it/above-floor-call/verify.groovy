// The build failed (invoker.buildResult); make sure it failed for the right reason, and only for it.
def log = new File(basedir, 'build.log').text
def above = 'AboveFloorCall.java:8: Undefined reference: software.amazon.awssdk.services.ecs.model.ContinueServiceDeploymentRequest'
assert log.contains(above) : "the check did not report the call above the SDK floor"
assert log.contains('Signature errors found') : "the SDK floor check did not fail the build"
assert !log.contains('GuardedCall.java') : "the check reported a call marked @AboveSdkFloor"
assert !log.contains('WithinFloorCall.java') : "the check reported a call that exists at the SDK floor"
assert log.contains('BUILD SUCCESS') == false
return true
