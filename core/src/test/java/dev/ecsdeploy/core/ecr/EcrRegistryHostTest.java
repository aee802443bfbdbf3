package dev.ecsdeploy.core.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EcrRegistryHostTest {
    @ParameterizedTest
    @CsvSource({
        "123456789012.dkr.ecr.eu-west-1.amazonaws.com, 123456789012, eu-west-1",
        "123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com, 123456789012, us-gov-west-1",
        "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn, 123456789012, cn-north-1"
    })
    void shouldReadTheAccountAndRegionOfAnEcrHost(String host, String account, String region) {
        assertThat(EcrRegistryHost.parse(host)).contains(new EcrRegistryHost(account, region));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1:4599",
                "docker.io",
                "public.ecr.aws",
                "12345.dkr.ecr.eu-west-1.amazonaws.com",
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com.evil.example"
            })
    void shouldNotTakeOtherHostsForEcr(String host) {
        assertThat(EcrRegistryHost.parse(host)).isEmpty();
    }
}
