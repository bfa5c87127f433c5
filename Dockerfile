# One image recipe for the identity provider and the four services: docker compose builds it once per service, SERVICE set.
# Build stage: the whole reactor, tests skipped (CI runs them).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 hotline && mkdir -p /data && chown hotline /data
COPY --from=build /src/${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar /app/service.jar
USER hotline
ENV HOTLINE_DATA_DIR=/data
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
