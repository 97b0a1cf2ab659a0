# The jar is built by Maven on the host (./mvnw -DskipTests package): the image only runs it.
FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/relay relay && mkdir -p /var/lib/relay && chown relay /var/lib/relay
USER relay
WORKDIR /var/lib/relay
COPY backend/target/relay-rcm.jar /opt/relay/relay-rcm.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/relay/relay-rcm.jar"]
