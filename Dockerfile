# thaidoc in a container (Debian 12): docker build -t thaidoc . && docker run --rm -v "$PWD:/work" -w /work thaidoc render memo.yaml -o memo.pdf
# Stage 1 builds the .deb with CPack (tests are run by scripts/test.sh, not here); stage 2 installs the .deb (Depends from dpkg-shlibdeps) into a
# plain Debian 12 image and runs as an unprivileged user.
FROM debian:12-slim AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      build-essential cmake pkg-config dpkg-dev file help2man \
      libhpdf-dev libharfbuzz-dev libfreetype-dev libyaml-cpp-dev libthai-dev libthai-data \
      libcli11-dev libpng-dev libjpeg-dev libhyphen-dev hyphen-en-us libcpp-httplib-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY CMakeLists.txt ./
COPY src src
COPY templates templates
COPY fonts fonts
COPY packaging packaging
COPY README.md ./
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DTHAIDOC_TESTS=OFF \
 && cmake --build build -j"$(nproc)" \
 && cd build && cpack -G DEB

FROM debian:12-slim
COPY --from=build /src/build/thaidoc_*.deb /tmp/
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends /tmp/thaidoc_*.deb \
 && rm -rf /var/lib/apt/lists/* /tmp/thaidoc_*.deb \
 && useradd --create-home --uid 10001 --user-group thaidoc
USER 10001:10001
# thaidoc serve listens here when run as: docker run -p 127.0.0.1:8080:8080 thaidoc serve --host 0.0.0.0
EXPOSE 8080
WORKDIR /home/thaidoc
ENTRYPOINT ["thaidoc"]
CMD ["--help"]
