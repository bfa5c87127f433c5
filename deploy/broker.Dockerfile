# The run command's broker (local-broker) for docker compose: one KRaft node, SASL/SCRAM and
# Kafka's StandardAuthorizer with the principals and ACLs of deploy/kafka-security.yaml, as
# bin/hotline runs it. Build stage: local-broker and what it needs, tests skipped.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl local-broker -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10002 kafka && mkdir -p /data && chown kafka /data
COPY --from=build /src/local-broker/target/local-broker-0.1.0-SNAPSHOT.jar /app/local-broker.jar
COPY --from=build /src/local-broker/target/lib /app/lib
COPY deploy/kafka-security.yaml /app/kafka-security.yaml
USER kafka
# The client port on every interface, advertised as the service's name in the compose network;
# the controller port stays on the container's loopback.
ENTRYPOINT ["java", "-Xmx512m", "-cp", "/app/local-broker.jar:/app/lib/*", \
  "cn.gov.xining.hotline.broker.LocalKafkaBroker", "--data-dir=/data", "--port=9092", \
  "--controller-port=9093", "--advertised-host=kafka", "--security=/app/kafka-security.yaml"]
