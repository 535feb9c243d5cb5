# syntax=docker/dockerfile:1
# Huiqi 惠企: build the jar, then run it on a JRE. Default profile: mysql (see docker/compose.yml).
#   docker build -t huiqi .

FROM maven:3.9-eclipse-temurin-17 AS build
# the build bundles the rules page's decision-table editor with npm (frontend/)
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# what the pom builds from: pom.xml, src/, the model folders bpmn/ and dmn/, and frontend/
COPY pom.xml ./
COPY bpmn ./bpmn
COPY dmn ./dmn
COPY frontend ./frontend
COPY src ./src
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app --shell /usr/sbin/nologin huiqi \
 && install -d -o huiqi -g huiqi /app
WORKDIR /app
COPY --from=build /src/target/huiqi-0.1.0-SNAPSHOT.jar /app/huiqi.jar
USER huiqi
ENV SPRING_PROFILES_ACTIVE=mysql \
    TZ=Asia/Shanghai \
    LANG=C.UTF-8
EXPOSE 8080
ENTRYPOINT ["java","-jar","/app/huiqi.jar"]
